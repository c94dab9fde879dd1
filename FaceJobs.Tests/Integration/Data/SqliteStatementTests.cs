using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>
/// SQLite's counterpart of the T-SQL parsing tests, and stronger: every statement is compiled by SQLite itself
/// against the migrated schema, so an unknown table or column fails here too.
/// </summary>
public sealed class SqliteStatementTests
{
    public static TheoryData<string> StatementNames => new(DataLayerStatements.Of(SqlDialect.Sqlite).Keys);

    [Theory]
    [MemberData(nameof(StatementNames))]
    public async Task Prepare_Succeeds_ForEachStatementOnTheMigratedSchema(string name)
    {
        var sql = DataLayerStatements.Of(SqlDialect.Sqlite)[name];
        await using var database = new SqliteTestDatabase();
        await new DatabaseMigrator(database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = (SqliteConnection)await database.Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        command.Prepare();
    }

    [Fact]
    public async Task Prepare_Throws_WhenStatementNamesAnUnknownColumn()
    {
        await using var database = new SqliteTestDatabase();
        await new DatabaseMigrator(database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = (SqliteConnection)await database.Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT no_such_column FROM photos;";

        Assert.Throws<SqliteException>(command.Prepare);
    }
}
