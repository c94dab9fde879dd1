namespace FaceJobs.Core.Data.Repositories;

/// <summary>Photos and their bytes (stored once per content hash, reachable from every worker machine).</summary>
public interface IPhotoRepository
{
    /// <summary>The photo uploaded with these exact bytes, if any.</summary>
    Task<Photo?> FindByHashAsync(string contentHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the bytes and a new photo with every stage pending, unless a photo of these bytes exists: then returns
    /// that one. One photo per content hash holds when the same bytes are added at the same time.
    /// </summary>
    Task<StoredPhoto> AddAsync(NewPhoto photo, byte[] content, CancellationToken cancellationToken = default);

    Task<Photo?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Photo>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored bytes of a photo; null when the photo does not exist.</summary>
    Task<byte[]?> GetContentAsync(long photoId, CancellationToken cancellationToken = default);

    Task SetJobIdsAsync(long id, string detectJobId, string recognizeJobId, string alertJobId, CancellationToken cancellationToken = default);

    /// <summary>Records a stage's status; <paramref name="error"/> is kept as the photo's last error when not null.</summary>
    Task SetStageStatusAsync(long id, PipelineStage stage, StageStatus status, string? error = null, CancellationToken cancellationToken = default);

    /// <summary>Photos whose last stage finished but whose next stage has not started (its continuation may be stuck).</summary>
    Task<IReadOnlyList<Photo>> ListWaitingForNextStageAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Photos with no jobs recorded whose alert stage has not run: stored by an upload whose process died (or whose
    /// database went away) before their whole pipeline was scheduled. A photo whose detection ran from a chain cut off
    /// before its continuations existed is among them; one whose chain ran to the end without its ids recorded is not.
    /// </summary>
    Task<IReadOnlyList<Photo>> ListUnscheduledAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of photos that have at least one face with a descriptor (for re-checking against a new person).</summary>
    Task<IReadOnlyList<long>> ListIdsWithEmbeddingsAsync(CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the photo, its faces (crops, keypoints, descriptors), their matches, its alert records and, unless a
    /// watchlist reference has the same bytes, its stored bytes, in one transaction. Returns the photo as it was (with
    /// its job ids), or null when there was no such photo.
    /// </summary>
    Task<Photo?> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Ids of up to <paramref name="limit"/> photos uploaded more than <paramref name="days"/> days ago, oldest first.</summary>
    Task<IReadOnlyList<long>> ListIdsUploadedMoreThanDaysAgoAsync(int days, int limit, CancellationToken cancellationToken = default);
}
