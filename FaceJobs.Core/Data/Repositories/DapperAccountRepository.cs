using Dapper;

namespace FaceJobs.Core.Data.Repositories;

// Every statement here is written alike for each dialect. Names are compared through a lower-cased column with a
// unique index, so "Admin" and "admin" are one account on every database whatever its collation.
internal sealed class DapperAccountRepository(IDbConnectionFactory connections) : IAccountRepository
{
    private const string Columns = """
        id, name, role, password_hash, security_stamp, failed_sign_ins, locked_until_unix_seconds, created_at_utc
        """;

    public Task<long?> AddAsync(string name, AccountRole role, string passwordHash, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            var parameters = new { Name = name, NameKey = name.ToLowerInvariant(), Role = role, PasswordHash = passwordHash, SecurityStamp = securityStamp };
            var inserted = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO accounts (name, name_key, role, password_hash, security_stamp)
                SELECT @Name, @NameKey, @Role, @PasswordHash, @SecurityStamp
                WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE name_key = @NameKey);
                """, parameters, transaction, cancellationToken: cancellationToken));
            return inserted == 0
                ? null
                : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT id FROM accounts WHERE name_key = @NameKey;", parameters, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task<Account?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Account>($"SELECT {Columns} FROM accounts WHERE id = @Id;", new { Id = id }, cancellationToken);

    public Task<Account?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Account>(
            $"SELECT {Columns} FROM accounts WHERE name_key = @NameKey;", new { NameKey = name.ToLowerInvariant() }, cancellationToken);

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Account>($"SELECT {Columns} FROM accounts ORDER BY name_key;", null, cancellationToken);

    public async Task<int> CountAsync(AccountRole? role = null, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(
            "SELECT COUNT(*) FROM accounts WHERE @Role IS NULL OR role = @Role;", new { Role = role }, cancellationToken);

    public Task<int> RecordFailedSignInAsync(long id, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @Id;", new { Id = id }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT failed_sign_ins FROM accounts WHERE id = @Id;", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task LockAsync(long id, long untilUnixSeconds, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            "UPDATE accounts SET failed_sign_ins = 0, locked_until_unix_seconds = @Until WHERE id = @Id;",
            new { Id = id, Until = untilUnixSeconds }, cancellationToken);

    public Task ClearFailuresAsync(long id, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            "UPDATE accounts SET failed_sign_ins = 0, locked_until_unix_seconds = NULL WHERE id = @Id;", new { Id = id }, cancellationToken);

    public Task SetRoleAsync(long id, AccountRole role, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            "UPDATE accounts SET role = @Role, security_stamp = @SecurityStamp WHERE id = @Id;",
            new { Id = id, Role = role, SecurityStamp = securityStamp }, cancellationToken);

    public Task SetPasswordHashAsync(long id, string passwordHash, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            "UPDATE accounts SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, failed_sign_ins = 0, locked_until_unix_seconds = NULL WHERE id = @Id;",
            new { Id = id, PasswordHash = passwordHash, SecurityStamp = securityStamp }, cancellationToken);

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync("DELETE FROM accounts WHERE id = @Id;", new { Id = id }, cancellationToken) > 0;
}
