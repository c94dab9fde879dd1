using Dapper;
using FaceJobs.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>What concurrent Hangfire workers and web requests rely on when they share one SQLite file.</summary>
public sealed class SqliteConnectionFactoryTests
{
    [Fact]
    public async Task OpenAsync_ReturnsConnectionWithForeignKeysWalAndBusyTimeout_WhenOpened()
    {
        await using var database = new SqliteTestDatabase();
        await using var connection = await database.Connections.OpenAsync();

        var settings = (
            await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"),
            await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"),
            await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));

        Assert.Equal((1L, "wal", 5000L), settings);
    }

    [Fact]
    public async Task BeginTransactionAsync_TakesTheWriteLockAtOnce_SoTransactionsNeverUpgradeFromRead()
    {
        await using var database = new SqliteTestDatabase();
        await using var holder = await database.Connections.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using var other = await database.Connections.OpenAsync();
        await other.ExecuteAsync("PRAGMA busy_timeout = 0;");

        var error = await Assert.ThrowsAsync<SqliteException>(() => other.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE;", commandTimeout: 1)));

        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, error.SqliteErrorCode);
    }
}
