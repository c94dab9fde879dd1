using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Data;

/// <summary>Which database holds the app's data and Hangfire's jobs.</summary>
public enum StorageProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Bound from <c>Storage</c>; the connection string comes from <c>ConnectionStrings:FaceJobs</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "FaceJobs";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Prepare Hangfire's schema at start-up; turn off for locked-down databases where a DBA runs it.</summary>
    public bool PrepareSchemaIfNecessary { get; set; } = true;

    /// <summary>Run the app's own migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// SQLite only: how often a background checkpoint copies the write-ahead log into the database file. 0 leaves it to
    /// SQLite, which checkpoints inside whichever commit takes the log past 1,000 pages (4 MiB) — with photos stored in
    /// the database, often an upload request, which then waits for the copy and its fsyncs.
    /// </summary>
    [Range(0, 60_000)]
    public int SqliteCheckpointMilliseconds { get; set; } = 1000;
}
