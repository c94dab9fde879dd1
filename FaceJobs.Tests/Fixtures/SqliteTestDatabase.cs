using FaceJobs.Core.Data;
using Microsoft.Data.Sqlite;

namespace FaceJobs.Tests.Fixtures;

/// <summary>A SQLite file in its own temporary folder.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder;

    public SqliteTestDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "facejobs-tests", Guid.NewGuid().ToString("N"));
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "facejobs.db") }.ToString();
        Connections = new SqliteConnectionFactory(ConnectionString);
    }

    public string ConnectionString { get; }

    public IDbConnectionFactory Connections { get; }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
