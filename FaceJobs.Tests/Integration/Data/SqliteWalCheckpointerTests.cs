using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>Who copies the write-ahead log into the database file: a commit (SQLite's default) or the background checkpointer.</summary>
public sealed class SqliteWalCheckpointerTests : IDisposable
{
    // 6 MiB of rows: past SQLite's automatic checkpoint at 1,000 pages (4 MiB), short of the 64 MiB backstop.
    private const int Rows = 24;
    private const int RowBytes = 256 * 1024;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "facejobs-tests", Guid.NewGuid().ToString("N"));
    private string DatabaseFile => Path.Combine(_folder, "facejobs.db");
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString();

    [Fact]
    public async Task Commits_CheckpointTheLogThemselves_WhenCheckpointsAreLeftToSqlite()
    {
        var connections = new SqliteConnectionFactory(ConnectionString, backgroundCheckpoints: false);

        await WriteRowsAsync(connections);

        Assert.True(new FileInfo(DatabaseFile).Length > 4L * 1024 * 1024, $"database file {new FileInfo(DatabaseFile).Length} bytes");
    }

    [Fact]
    public async Task Checkpointer_CopiesTheLogIntoTheDatabaseFile_WhileCommitsLeaveItInTheLog()
    {
        var connections = new SqliteConnectionFactory(ConnectionString, backgroundCheckpoints: true);

        await WriteRowsAsync(connections);
        var beforeCheckpoints = new FileInfo(DatabaseFile).Length;
        using var checkpointer = new SqliteWalCheckpointer(connections, Options.Create(new StorageOptions { SqliteCheckpointMilliseconds = 100 }),
            NullLogger<SqliteWalCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        var afterCheckpoints = await Waiting.UntilAsync<FileInfo>(
            () => Task.FromResult(new FileInfo(DatabaseFile) is { Length: > Rows * RowBytes } file ? file : null),
            TimeSpan.FromSeconds(30), "the background checkpoint");
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(beforeCheckpoints < 1024 * 1024, $"database file {beforeCheckpoints} bytes before the checkpointer ran");
        Assert.True(afterCheckpoints.Length > Rows * RowBytes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static async Task WriteRowsAsync(SqliteConnectionFactory connections)
    {
        await using (var connection = await connections.OpenAsync())
            await connection.ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, content BLOB NOT NULL);");
        var content = new byte[RowBytes];
        Random.Shared.NextBytes(content);
        for (var i = 0; i < Rows; i++)
        {
            // A connection per commit, as the repositories open one per call.
            await using var connection = await connections.OpenAsync();
            await connection.ExecuteAsync("INSERT INTO blobs (content) VALUES (@content);", new { content });
        }
    }
}
