using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Photos;

/// <summary>Limits on what an upload may be. Bound from <c>Upload</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>Largest accepted file, in bytes.</summary>
    [Range(1024, 1L << 31)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels (width × height): decoding allocates about 3 bytes a pixel.</summary>
    [Range(1, 400_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Most files accepted in one request.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerRequest { get; set; } = 20;

    /// <summary>Upload requests served at once by this process; each holds one file in memory at a time.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentRequests { get; set; } = 2;

    /// <summary>Upload requests that wait (unread, so holding no memory) for a turn; beyond them the answer is 503.</summary>
    [Range(0, 10_000)]
    public int QueuedRequests { get; set; } = 8;
}
