using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Data;

/// <summary>
/// Applies the dialect's migration scripts that the database has not seen, each in its own transaction.
/// Safe when several processes start at once: each transaction first takes a database-wide lock
/// (SQLite: BEGIN IMMEDIATE; SQL Server: sp_getapplock; PostgreSQL: pg_advisory_xact_lock) and then re-reads which scripts are applied.
/// </summary>
public sealed class DatabaseMigrator(IDbConnectionFactory connections, ILogger<DatabaseMigrator> logger)
{
    // Waiting for another process's migration can take longer than the default 30 s command timeout.
    private const int CommandTimeoutSeconds = 300;

    private const string SelectApplied = "SELECT version FROM schema_migrations ORDER BY version;";

    private const string InsertApplied = "INSERT INTO schema_migrations (version) VALUES (@Version);";

    /// <summary>Applies the missing scripts; returns how many it applied (0 when the schema is current).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var script in MigrationScript.Load(connections.Dialect))
        {
            if (await ApplyIfMissingAsync(connection, script, cancellationToken))
            {
                applied++;
            }
        }

        return applied;
    }

    private async Task<bool> ApplyIfMissingAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(connections.Dialect.MigrationLock, null, transaction, cancellationToken));
        var appliedVersions = await connection.QueryAsync<string>(Command(SelectApplied, null, transaction, cancellationToken));
        if (appliedVersions.Contains(script.Version, StringComparer.Ordinal))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var batch in script.Batches)
        {
            await connection.ExecuteAsync(Command(batch, null, transaction, cancellationToken));
        }

        await connection.ExecuteAsync(Command(InsertApplied, new { script.Version }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied {Provider} migration {Version}", connections.Dialect.Provider, script.Version);
        return true;
    }

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken);
}
