namespace FaceJobs.Core.Data.Repositories;

/// <summary>API keys of accounts, stored as hashes.</summary>
public interface IApiKeyRepository
{
    /// <summary>Adds a key of the account; returns its row id.</summary>
    Task<long> AddAsync(long accountId, string keyId, string name, byte[] secretHash, CancellationToken cancellationToken = default);

    /// <summary>By its non-secret key id, revoked or not.</summary>
    Task<ApiKey?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The account's keys, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListByAccountAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key of the account; false when it has no such key in use.</summary>
    Task<bool> RevokeAsync(long id, long accountId, CancellationToken cancellationToken = default);

    /// <summary>Records that the key was used just now.</summary>
    Task MarkUsedAsync(long id, CancellationToken cancellationToken = default);
}
