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
    /// when both want it. 0 runs them at the process's priority. Those threads only ever run the CPU work: the job's own
    /// code, and any thread-pool thread it starts, stay at the process's priority (a new thread inherits its starter's).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 19)]
    public int WorkerNiceness { get; set; } = 10;

    /// <summary>
    /// <see cref="WorkerScheduling.Niced"/> (<see cref="WorkerNiceness"/> applies) or <see cref="WorkerScheduling.Idle"/>:
    /// Linux's SCHED_IDLE policy for the CPU-work threads, which a request thread preempts as soon as it wakes and which
    /// otherwise get what the process's other threads leave (docs/performance.md has both side by side).
    /// </summary>
    public WorkerScheduling WorkerScheduling { get; set; } = WorkerScheduling.Niced;

    /// <summary>
    /// Whether an upload answers once its photo is stored and <see cref="PipelineStarter"/> enqueues the jobs just after
    /// (the default), or the upload request enqueues them itself before it answers (slower under load; an upload then
    /// fails when the job storage does).
    /// </summary>
    public bool ScheduleAfterResponse { get; set; } = true;

    /// <summary>
    /// Megapixels of decoded photos the detect job may leave in memory for the recognize job of the same process
    /// (<see cref="DecodedPhotoHandOff"/>; 3 bytes a pixel, so 16 is at most 48 MB, about eight 2-megapixel photos
    /// waiting for recognition). 0 decodes again in every stage.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1000)]
    public int HandOffMegapixels { get; set; } = 16;

    /// <summary>How long a decoded photo waits for its recognize job before it is dropped.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int HandOffSeconds { get; set; } = 120;

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

public enum WorkerScheduling
{
    /// <summary>The normal time-sharing policy at <see cref="PipelineOptions.WorkerNiceness"/>.</summary>
    Niced,

    /// <summary>Linux SCHED_IDLE: run only when no other thread of normal priority wants the core.</summary>
    Idle,
}
