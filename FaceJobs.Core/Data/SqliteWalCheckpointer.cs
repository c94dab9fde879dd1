using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Data;

/// <summary>
/// SQLite only (<see cref="StorageOptions.SqliteCheckpointMilliseconds"/>): copies the write-ahead log into the database
/// file every so often on a thread of its own, so no request's commit has to. A passive checkpoint waits for no lock:
/// writers and readers go on meanwhile, and pages a reader still needs stay in the log for the next round.
/// </summary>
public sealed class SqliteWalCheckpointer(IDbConnectionFactory connections, IOptions<StorageOptions> options, ILogger<SqliteWalCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SqliteCheckpointMilliseconds;
        if (connections.Dialect != SqlDialect.Sqlite || interval == 0)
            return;

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The commits' own backstop checkpoint still bounds the log; the next round tries again.
                logger.LogWarning(e, "Background SQLite checkpoint failed");
            }
        }
    }
}
