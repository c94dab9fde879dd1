namespace FaceJobs.Core.Data.Repositories;

/// <summary>The watchlist: people and their reference photos.</summary>
public interface IPersonRepository
{
    Task<long> AddPersonAsync(string name, string? notes, CancellationToken cancellationToken = default);

    Task<Person?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>By name.</summary>
    Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the person, their references (with the stored bytes no photo or other reference shares), matches and
    /// alert records, and bumps the watchlist version. False when there was no such person.
    /// </summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Stores the bytes (if not stored yet) and a pending reference; returns its id.</summary>
    Task<long> AddReferenceAsync(long personId, string contentHash, string fileName, byte[] content, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PersonReference>> ListReferencesAsync(long personId, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes of a reference photo.</summary>
    Task<byte[]?> GetReferenceContentAsync(long referenceId, CancellationToken cancellationToken = default);

    /// <summary>JPEG crop of the reference's main face; null until enrolled.</summary>
    Task<byte[]?> GetReferenceThumbnailAsync(long referenceId, CancellationToken cancellationToken = default);

    Task SetReferenceJobIdAsync(long referenceId, string jobId, CancellationToken cancellationToken = default);

    /// <summary>Marks a reference enrolled with its descriptor and face crop, and bumps the watchlist version.</summary>
    Task SetReferenceEnrolledAsync(long referenceId, byte[] embedding, byte[] thumbnail, CancellationToken cancellationToken = default);

    Task SetReferenceStatusAsync(long referenceId, StageStatus status, string? error, CancellationToken cancellationToken = default);

    /// <summary>Every enrolled reference descriptor; of one person when <paramref name="personId"/> is given.</summary>
    Task<IReadOnlyList<ReferenceEmbedding>> ListReferenceEmbeddingsAsync(long? personId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that grows whenever the set of enrolled references changes (a reference enrolled, a person removed), in
    /// any process sharing the database; one row, for checking a cached watchlist index.
    /// </summary>
    Task<long> GetWatchlistVersionAsync(CancellationToken cancellationToken = default);
}
