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
}
