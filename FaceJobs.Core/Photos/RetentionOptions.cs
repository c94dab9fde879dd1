using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Photos;

/// <summary>Bound from <c>Retention</c>: how long uploaded photos are kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Photos uploaded more than this many days ago are deleted (with their faces, matches and alert records) by a
    /// job that runs every hour. 0, the default, keeps photos until someone deletes them.
    /// </summary>
    [Range(0, 36_500)]
    public int PhotoDays { get; set; }

    /// <summary>Photos listed per query while deleting; each photo is still deleted in its own transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
