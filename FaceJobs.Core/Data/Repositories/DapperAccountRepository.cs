using Dapper;

namespace FaceJobs.Core.Data.Repositories;

// Every statement here is written alike for each dialect. Names are compared through a lower-cased column with a
// unique index, so "Admin" and "admin" are one account on every database whatever its collation.
internal sealed class DapperAccountRepository(IDbConnectionFactory connections) : IAccountRepository
{
    private const string Columns = """
        id, name, role, password_hash, security_stamp, failed_sign_ins, locked_until_unix_seconds, created_at_utc
        """;

    private const string InsertIfNameFree = """
        INSERT INTO accounts (name, name_key, role, password_hash, security_stamp)
        SELECT @Name, @NameKey, @Role, @PasswordHash, @SecurityStamp
        WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE name_key = @NameKey);
        """;

    private const string SelectIdByName = "SELECT id FROM accounts WHERE name_key = @NameKey;";

    public Task<long?> AddAsync(string name, AccountRole role, string passwordHash, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            var parameters = new { Name = name, NameKey = name.ToLowerInvariant(), Role = role, PasswordHash = passwordHash, SecurityStamp = securityStamp };
            var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertIfNameFree, parameters, transaction, cancellationToken: cancellationToken));
            return inserted == 0
                ? null
                : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectIdByName, parameters, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    private const string SelectById = $"SELECT {Columns} FROM accounts WHERE id = @Id;";

    public Task<Account?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Account>(SelectById, new { Id = id }, cancellationToken);

    private const string SelectByName = $"SELECT {Columns} FROM accounts WHERE name_key = @NameKey;";

    public Task<Account?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Account>(SelectByName, new { NameKey = name.ToLowerInvariant() }, cancellationToken);

    private const string SelectAll = $"SELECT {Columns} FROM accounts ORDER BY name_key;";

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Account>(SelectAll, null, cancellationToken);

    private const string CountWithRole = "SELECT COUNT(*) FROM accounts WHERE @Role IS NULL OR role = @Role;";

    public async Task<int> CountAsync(AccountRole? role = null, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(CountWithRole, new { Role = role }, cancellationToken);

    private const string IncrementFailures = "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @Id;";

    private const string SelectFailures = "SELECT failed_sign_ins FROM accounts WHERE id = @Id;";

    public Task<int> RecordFailedSignInAsync(long id, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(IncrementFailures, new { Id = id }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(SelectFailures, new { Id = id }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    private const string Lock = "UPDATE accounts SET failed_sign_ins = 0, locked_until_unix_seconds = @Until WHERE id = @Id;";

    public Task LockAsync(long id, long untilUnixSeconds, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(Lock, new { Id = id, Until = untilUnixSeconds }, cancellationToken);

    private const string ClearFailures = "UPDATE accounts SET failed_sign_ins = 0, locked_until_unix_seconds = NULL WHERE id = @Id;";

    public Task ClearFailuresAsync(long id, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(ClearFailures, new { Id = id }, cancellationToken);

    private const string UpdateRole = "UPDATE accounts SET role = @Role, security_stamp = @SecurityStamp WHERE id = @Id;";

    public Task SetRoleAsync(long id, AccountRole role, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdateRole, new { Id = id, Role = role, SecurityStamp = securityStamp }, cancellationToken);

    private const string UpdatePassword = """
        UPDATE accounts SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, failed_sign_ins = 0, locked_until_unix_seconds = NULL
        WHERE id = @Id;
        """;

    public Task SetPasswordHashAsync(long id, string passwordHash, string securityStamp, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdatePassword, new { Id = id, PasswordHash = passwordHash, SecurityStamp = securityStamp }, cancellationToken);

    private const string Delete = "DELETE FROM accounts WHERE id = @Id;";

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync(Delete, new { Id = id }, cancellationToken) > 0;
}
