namespace FaceJobs.Core.Data;

/// <summary>
/// What the databases write differently, and nothing else: a new row's id, an insert that meets an existing key,
/// paging, the clock (now, and some days before it), and the lock migrations run under. The repositories write every statement once, in place,
/// and take these pieces from here.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();
    public static readonly SqlDialect PostgreSql = new PostgreSqlDialect();

    public abstract StorageProvider Provider { get; }

    /// <summary>Ends an <c>INSERT … VALUES (…)</c> so that it returns the new row's <c>id</c> (read with ExecuteScalar).</summary>
    public abstract string ReturningId { get; }

    /// <summary>Rows <c>@Offset</c> to <c>@Offset + @Limit</c> of an ordered query; follows its ORDER BY.</summary>
    public abstract string Page { get; }

    /// <summary>The current UTC time as the database stores times.</summary>
    public abstract string UtcNow { get; }

    /// <summary>The UTC time <paramref name="daysParameter"/> (an integer parameter, e.g. <c>@Days</c>) days before now, as stored.</summary>
    public abstract string UtcDaysAgo(string daysParameter);

    /// <summary>
    /// Run first in each migration's transaction: serialises processes that migrate at the same time and creates the
    /// table of applied migrations if it is missing.
    /// </summary>
    public abstract string MigrationLock { get; }

    /// <summary>Manifest-name prefix of this dialect's embedded migration scripts.</summary>
    public string MigrationResourcePrefix => $"{typeof(SqlDialect).Namespace}.Migrations.{Provider}.";

    /// <summary>
    /// An insert that may meet an existing key: SQLite and PostgreSQL write it with <c>ON CONFLICT</c>, T-SQL with a
    /// key-range-locked <c>NOT EXISTS</c> or <c>MERGE</c>. Returns the statement this dialect runs.
    /// </summary>
    public abstract string OnConflict(string onConflict, string tSql);
}

/// <summary>SQLite: times are ISO-8601 UTC text, so they sort as text.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string ReturningId => "RETURNING id";

    public override string Page => "LIMIT @Limit OFFSET @Offset";

    public override string UtcNow => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    // The same text format as stored times, so the two compare as text.
    public override string UtcDaysAgo(string daysParameter) => $"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || {daysParameter} || ' days')";

    // The migrator's transaction is BEGIN IMMEDIATE, which already holds the database's write lock.
    public override string MigrationLock => $"""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version        TEXT NOT NULL PRIMARY KEY,
            applied_at_utc TEXT NOT NULL DEFAULT ({UtcNow})
        ) STRICT;
        """;

    public override string OnConflict(string onConflict, string tSql) => onConflict;
}

/// <summary>SQL Server (T-SQL).</summary>
public sealed class SqlServerDialect : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.SqlServer;

    // SCOPE_IDENTITY is this batch's own insert, unaffected by triggers; ExecuteScalar reads the SELECT.
    public override string ReturningId => "; SELECT CAST(SCOPE_IDENTITY() AS bigint)";

    public override string Page => "OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY";

    public override string UtcNow => "SYSUTCDATETIME()";

    public override string UtcDaysAgo(string daysParameter) => $"DATEADD(day, -{daysParameter}, SYSUTCDATETIME())";

    // The app lock is owned by the migration's transaction, so it is released by its commit or rollback.
    public override string MigrationLock => """
        DECLARE @lock int;
        EXEC @lock = sp_getapplock @Resource = N'FaceJobs.SchemaMigrations', @LockMode = N'Exclusive',
            @LockOwner = N'Transaction', @LockTimeout = 60000;
        IF @lock < 0
            THROW 51000, N'Timed out waiting for another process to finish the FaceJobs migrations.', 1;
        IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
            CREATE TABLE dbo.schema_migrations (
                version        nvarchar(200) NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
                applied_at_utc datetime2(3)  NOT NULL CONSTRAINT df_schema_migrations_applied DEFAULT SYSUTCDATETIME()
            );
        """;

    public override string OnConflict(string onConflict, string tSql) => tSql;
}

/// <summary>PostgreSQL: the same ON CONFLICT, RETURNING and LIMIT as SQLite; times are timestamptz.</summary>
public sealed class PostgreSqlDialect : SqlDialect
{
    // Any fixed number, the same in every FaceJobs process: "FACEJOBS" in ASCII.
    internal const long MigrationLockKey = 0x4641_4345_4A4F_4253;

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string ReturningId => "RETURNING id";

    public override string Page => "LIMIT @Limit OFFSET @Offset";

    public override string UtcNow => "now()";

    public override string UtcDaysAgo(string daysParameter) => $"now() - make_interval(days => {daysParameter})";

    // A transaction-level advisory lock is released by the migration's commit or rollback, like sp_getapplock.
    public override string MigrationLock => $"""
        SELECT pg_advisory_xact_lock({MigrationLockKey});
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version        text        NOT NULL PRIMARY KEY,
            applied_at_utc timestamptz NOT NULL DEFAULT now()
        );
        """;

    public override string OnConflict(string onConflict, string tSql) => onConflict;
}
