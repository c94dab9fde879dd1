using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FaceJobs.Core.Data;

/// <summary>SQLite connections, one per call (Microsoft.Data.Sqlite pools the native handles).</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    // foreign_keys is per connection and off by default. busy_timeout makes a writer wait for another process's
    // write lock instead of failing with SQLITE_BUSY; WAL lets readers run while one writer writes.
    private const string ConnectionPragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;";

    private readonly string _connectionString;

    public SqliteConnectionFactory(string connectionString)
    {
        DapperConventions.Apply();
        _connectionString = connectionString;
        CreateDatabaseFolder(connectionString);
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void CreateDatabaseFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
