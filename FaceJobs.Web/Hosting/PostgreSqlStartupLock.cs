using Npgsql;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// A session-level advisory lock held while a process prepares its storage (the app's migrations, then Hangfire's
/// schema), so several processes started at once do not run Hangfire.PostgreSql's install scripts side by side.
/// </summary>
public sealed class PostgreSqlStartupLock : IAsyncDisposable
{
    // Another fixed number than the migrations' transaction lock, which the migrator takes inside this one.
    private const long Key = 0x4641_4345_4A4F_4254;

    private readonly NpgsqlConnection _connection;

    private PostgreSqlStartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgreSqlStartupLock> AcquireAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@Key);", connection) { CommandTimeout = 300 };
            command.Parameters.AddWithValue("Key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new PostgreSqlStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Closing the session releases the lock; an explicit unlock first keeps a pooled session from holding it.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@Key);", _connection);
            command.Parameters.AddWithValue("Key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
