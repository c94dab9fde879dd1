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

    /// <summary>
    /// How much nicer (0–19, added to the process's nice value) the threads that run the jobs' CPU work are
    /// (<see cref="BackgroundCpu"/>, Linux only), so the workers may use every core while request threads win the CPU
    /// when both want it. Off (0) by default: a thread inherits the nice value of the thread that starts it, and .NET
    /// starts thread-pool threads from whichever thread queues work, so pool threads that later serve requests can end
    /// up niced too (seen in the tests); and the load benchmark has not yet shown it to pay on a quiet machine.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 19)]
    public int WorkerNiceness { get; set; }

    /// <summary>
    /// How old a photo stored without jobs must be before <see cref="StartUnscheduledPipelinesJob"/> schedules its
    /// pipeline (an upload request normally schedules it milliseconds after storing it).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 86400)]
    public int UnscheduledGraceSeconds { get; set; } = 120;
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
