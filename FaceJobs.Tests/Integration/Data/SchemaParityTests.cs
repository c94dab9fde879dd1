using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>
/// The two dialects' migrations must build the same tables and columns, or a query written once for both would
/// work on one database only. SQLite's side is read from a migrated file, SQL Server's from the parsed scripts.
/// </summary>
public sealed class SchemaParityTests
{
    [Fact]
    public async Task Migrations_CreateTheSameTablesAndColumns_InBothDialects()
    {
        await using var database = new SqliteTestDatabase();
        await new DatabaseMigrator(database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = await database.Connections.OpenAsync();
        var sqliteColumns = await connection.QueryAsync<string>("""
            SELECT t.name || '.' || c.name
            FROM sqlite_schema t JOIN pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite%'
            """);
        var sqlServer = new TSqlNameChecker();
        var sqlServerColumns = sqlServer.Tables.SelectMany(table => sqlServer.ColumnsOf(table).Select(column => $"{table}.{column}"));

        Assert.Equal(sqlServerColumns.Order(StringComparer.Ordinal), sqliteColumns.Order(StringComparer.Ordinal));
        Assert.Contains("alert_deliveries.face_index", sqliteColumns);
    }

    [Fact]
    [Trait("Category", "PostgreSql")]
    public async Task Migrations_CreateTheSameTablesAndColumns_OnPostgreSqlAsOnSqlServer()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await new DatabaseMigrator(database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = await database.Connections.OpenAsync();
        var postgreSqlColumns = await connection.QueryAsync<string>("""
            SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'
            """);
        var sqlServer = new TSqlNameChecker();
        var sqlServerColumns = sqlServer.Tables.SelectMany(table => sqlServer.ColumnsOf(table).Select(column => $"{table}.{column}"));

        Assert.Equal(sqlServerColumns.Order(StringComparer.Ordinal), postgreSqlColumns.Order(StringComparer.Ordinal));
    }
}
