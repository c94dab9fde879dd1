using FaceJobs.Core.Data.Sql;

namespace FaceJobs.Core.Data;

/// <summary>
/// What differs between the databases: the statements (new ids, upserts, paging, time functions) and the
/// folder of migration scripts. The Dapper repositories are written once against this.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(StorageProvider.Sqlite, SqliteSql.Statements);
    public static readonly SqlDialect SqlServer = new(StorageProvider.SqlServer, SqlServerSql.Statements);

    private SqlDialect(StorageProvider provider, SqlStatements statements)
    {
        Provider = provider;
        Statements = statements;
    }

    public StorageProvider Provider { get; }

    public SqlStatements Statements { get; }

    /// <summary>Manifest-name prefix of this dialect's embedded migration scripts.</summary>
    public string MigrationResourcePrefix => $"{typeof(SqlDialect).Namespace}.Migrations.{Provider}.";

    public static SqlDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Sqlite,
        StorageProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
