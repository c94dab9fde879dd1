using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Sql;
using FaceJobs.Tests.Fixtures;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace FaceJobs.Tests.Unit.Data;

/// <summary>
/// Every T-SQL statement the app can run, found by reflection so that a new query cannot escape, must parse.
/// This machine has no SQL Server: parsing catches syntax errors, not unknown columns.
/// </summary>
public sealed class TSqlParsingTests
{
    public static TheoryData<string> SqlServerStatementNames => new(DialectSqlConstants.StatementsOf(typeof(SqlServerSql)).Keys);

    public static TheoryData<string> SqlServerMigrationVersions =>
        new(MigrationScript.Load(SqlDialect.SqlServer).Select(script => script.Version));

    [Theory]
    [MemberData(nameof(SqlServerStatementNames))]
    public void Parse_ReportsNoErrors_ForEachSqlServerStatement(string name)
    {
        var errors = Parse(DialectSqlConstants.StatementsOf(typeof(SqlServerSql))[name]);

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(SqlServerMigrationVersions))]
    public void Parse_ReportsNoErrors_ForEachSqlServerMigration(string version)
    {
        var script = MigrationScript.Load(SqlDialect.SqlServer).Single(script => script.Version == version);

        Assert.Empty(Parse(script.Text));
        Assert.All(script.Batches, batch => Assert.Empty(Parse(batch)));
    }

    [Theory]
    [MemberData(nameof(SqlServerStatementNames))]
    public void UnknownNames_IsEmpty_ForEachSqlServerStatement(string name)
    {
        var unknown = new TSqlNameChecker().UnknownNames(DialectSqlConstants.StatementsOf(typeof(SqlServerSql))[name]);

        Assert.Empty(unknown);
    }

    [Fact]
    public void UnknownNames_ListsTableAndColumn_WhenStatementMisnamesThem()
    {
        var checker = new TSqlNameChecker();

        var unknown = checker.UnknownNames("SELECT p.id, p.file_nam FROM photos p JOIN photo AS x ON x.id = p.id;");

        Assert.Equal(["table photo", "column file_nam"], unknown);
        Assert.Contains("schema_migrations", checker.Tables);
    }

    [Fact]
    public void Parse_ReportsErrors_WhenStatementIsBroken()
    {
        Assert.NotEmpty(Parse("SELECT id FROM photos LIMIT 1;"));
    }

    [Fact]
    public void ConstStatements_CoverEveryStatementInBothDialects_WhenFoundByReflection()
    {
        var sqlServer = DialectSqlConstants.StatementsOf(typeof(SqlServerSql));
        var sqlite = DialectSqlConstants.StatementsOf(typeof(SqliteSql));
        var members = typeof(SqlStatements).GetProperties().Select(property => property.Name).Order().ToArray();

        Assert.True(DialectSqlConstants.Of(typeof(SqlServerSql)).Count > 0);
        Assert.Equal(DialectSqlConstants.Of(typeof(SqliteSql)).Keys.Order(), DialectSqlConstants.Of(typeof(SqlServerSql)).Keys.Order());
        Assert.Equal(members, sqlServer.Keys.Order());
        Assert.Equal(members, sqlite.Keys.Order());
        Assert.NotEmpty(MigrationScript.Load(SqlDialect.SqlServer));
        Assert.Equal(
            MigrationScript.Load(SqlDialect.Sqlite).Select(script => script.Version),
            MigrationScript.Load(SqlDialect.SqlServer).Select(script => script.Version));
    }

    [Fact]
    public void Batches_SplitOnGoLines_WhenScriptHasThem()
    {
        var batches = MigrationScript.Split("CREATE TABLE a (id int);\nGO\nCREATE TABLE b (id int);\n  go  \n");

        Assert.Equal(["CREATE TABLE a (id int);", "CREATE TABLE b (id int);"], batches.Select(batch => batch.Trim()));
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
