namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperApiKeyRepository(IDbConnectionFactory connections) : IApiKeyRepository
{
    private const string Columns = "id, account_id, key_id, name, secret_hash, created_at_utc, last_used_at_utc, revoked_at_utc";

    private readonly string _insert = $"""
        INSERT INTO api_keys (account_id, key_id, name, secret_hash) VALUES (@AccountId, @KeyId, @Name, @SecretHash)
        {connections.Dialect.ReturningId};
        """;

    public async Task<long> AddAsync(long accountId, string keyId, string name, byte[] secretHash, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<long>(
            _insert, new { AccountId = accountId, KeyId = keyId, Name = name, SecretHash = secretHash }, cancellationToken);

    private const string SelectByKeyId = $"SELECT {Columns} FROM api_keys WHERE key_id = @KeyId;";

    public Task<ApiKey?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<ApiKey>(SelectByKeyId, new { KeyId = keyId }, cancellationToken);

    private const string SelectByAccount = $"SELECT {Columns} FROM api_keys WHERE account_id = @AccountId ORDER BY id DESC;";

    public Task<IReadOnlyList<ApiKey>> ListByAccountAsync(long accountId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<ApiKey>(SelectByAccount, new { AccountId = accountId }, cancellationToken);

    private readonly string _revoke = $"""
        UPDATE api_keys SET revoked_at_utc = {connections.Dialect.UtcNow}
        WHERE id = @Id AND account_id = @AccountId AND revoked_at_utc IS NULL;
        """;

    public async Task<bool> RevokeAsync(long id, long accountId, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync(_revoke, new { Id = id, AccountId = accountId }, cancellationToken) > 0;

    private readonly string _markUsed = $"UPDATE api_keys SET last_used_at_utc = {connections.Dialect.UtcNow} WHERE id = @Id;";

    public Task MarkUsedAsync(long id, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(_markUsed, new { Id = id }, cancellationToken);
}
