using FaceJobs.Core.Data;
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
    public static TheoryData<string> SqlServerStatementNames => new(DataLayerStatements.Of(SqlDialect.SqlServer).Keys);

    public static TheoryData<string> SqlServerMigrationVersions =>
        new(MigrationScript.Load(SqlDialect.SqlServer).Select(script => script.Version));

    [Theory]
    [MemberData(nameof(SqlServerStatementNames))]
    public void Parse_ReportsNoErrors_ForEachSqlServerStatement(string name)
    {
        var errors = Parse(DataLayerStatements.Of(SqlDialect.SqlServer)[name]);

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
        var unknown = new TSqlNameChecker().UnknownNames(DataLayerStatements.Of(SqlDialect.SqlServer)[name]);

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
    public void Statements_CoverEveryRepositoryInBothDialects_WhenFoundByReflection()
    {
        var sqlServer = DataLayerStatements.Of(SqlDialect.SqlServer);
        var sqlite = DataLayerStatements.Of(SqlDialect.Sqlite);

        Assert.True(sqlServer.Count >= 40, $"only {sqlServer.Count} statements found");
        Assert.Equal(sqlite.Keys.Order(), sqlServer.Keys.Order());
        Assert.Contains(sqlServer.Keys, name => name.StartsWith("DapperAlertRepository.", StringComparison.Ordinal));
        Assert.Contains("MERGE alert_deliveries", sqlServer["DapperAlertRepository._upsertSent"]);
        Assert.Contains("ON CONFLICT", sqlite["DapperAlertRepository._upsertSent"]);
        Assert.NotEmpty(MigrationScript.Load(SqlDialect.SqlServer));
        Assert.Equal(
            MigrationScript.Load(SqlDialect.Sqlite).Select(script => script.Version),
            MigrationScript.Load(SqlDialect.SqlServer).Select(script => script.Version));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.SqlServer)]
    public void Fragments_AppearInsideAStatement_SoNoStatementEscapesTheParseTests(StorageProvider provider)
    {
        var dialect = provider == StorageProvider.Sqlite ? SqlDialect.Sqlite : SqlDialect.SqlServer;
        var statements = DataLayerStatements.Of(dialect).Values;

        Assert.All(DataLayerStatements.FragmentsOf(dialect), fragment =>
            Assert.True(statements.Any(statement => statement.Contains(fragment.Value, StringComparison.Ordinal)),
                $"{fragment.Key} ends without ';' and is part of no statement"));
    }

    [Fact]
    public void Statements_HoldNoStatusNumbers_SoStatusesArePassedAsParameters()
    {
        var statusLiteral = new System.Text.RegularExpressions.Regex(@"_status\s*(=|<>|IN)\s*\(?\s*\d");

        Assert.All(DataLayerStatements.Of(SqlDialect.SqlServer).Concat(DataLayerStatements.Of(SqlDialect.Sqlite)),
            statement => Assert.False(statusLiteral.IsMatch(statement.Value), $"{statement.Key} compares a status with a number"));
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
