using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Sql;
using FaceJobs.Tests.Fixtures;
using Xunit;

namespace FaceJobs.Tests.Unit.Data;

public sealed class SqlStatementsTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.SqlServer)]
    public void Statements_HoldTheConstOfTheSameName_ForEachDialect(StorageProvider provider)
    {
        var dialect = SqlDialect.For(provider);
        var consts = DialectSqlConstants.StatementsOf(provider == StorageProvider.Sqlite ? typeof(SqliteSql) : typeof(SqlServerSql));

        Assert.All(typeof(SqlStatements).GetProperties(), property =>
            Assert.Equal(consts[property.Name], (string)property.GetValue(dialect.Statements)!));
    }

    [Fact]
    public void FromConstants_Throws_WhenTheSqlClassLacksAStatement()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlStatements.FromConstants(typeof(SqlStatementsTests)));

        Assert.Contains(nameof(SqlStatements.InsertPhoto), error.Message);
    }
}
