namespace FaceJobs.Core.Jobs;

/// <summary>Bound from <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// <see cref="PipelineMode.Background"/> (the default and the only mode for use). <see cref="PipelineMode.Inline"/>
    /// exists for tools/FaceJobs.LoadBenchmark only, as the in-request baseline the background pipeline is compared with.
    /// </summary>
    public PipelineMode Mode { get; set; } = PipelineMode.Background;
}

public enum PipelineMode
{
    /// <summary>The upload schedules detect → recognize → alert as Hangfire jobs and returns.</summary>
    Background,

    /// <summary>
    /// Benchmark baseline only: the upload request itself runs detect, recognize and alert before it answers, as a
    /// server without a job queue would. A slow or failing stage then slows or fails the upload.
    /// </summary>
    Inline,
}
