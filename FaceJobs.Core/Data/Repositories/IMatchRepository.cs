namespace FaceJobs.Core.Data.Repositories;

/// <summary>Faces matched to watchlist people.</summary>
public interface IMatchRepository
{
    /// <summary>Replaces all matches of the photo's faces, in one transaction (recognition run again leaves one set).</summary>
    Task ReplaceForPhotoAsync(long photoId, IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default);

    /// <summary>Inserts matches that do not exist yet (same face and person) and keeps the others: a dialect upsert.</summary>
    Task AddMissingAsync(IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default);

    /// <summary>Matches of one photo, by face index then distance.</summary>
    Task<IReadOnlyList<MatchView>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default);
}
