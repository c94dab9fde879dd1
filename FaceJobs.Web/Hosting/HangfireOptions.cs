using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Web.Hosting;

/// <summary>Bound from <c>Hangfire</c>.</summary>
public sealed class HangfireOptions
{
    public const string SectionName = "Hangfire";

    /// <summary>
    /// Workers per queue in this process. Inference is CPU-bound, so detect and recognize get about one worker per
    /// core they may use (Hangfire's default of cores × 5 would only make them fight for the CPU); detection, the
    /// heaviest stage, gets two, which on 2 cores kept both busy without slowing pages (their CPU work runs niced,
    /// BackgroundCpu; docs/performance.md); alerts wait on SMTP.
    /// </summary>
    public Dictionary<string, int> Workers { get; set; } = new()
    {
        ["detect"] = 2,
        ["recognize"] = 1,
        ["alerts"] = 2,
        ["default"] = 1,
    };

    /// <summary>
    /// How often each worker process reads which queues are paused (the Queues page); a pause or resume is obeyed by
    /// every process within about this long.
    /// </summary>
    [Range(100, 60_000)]
    public int PauseCheckMilliseconds { get; set; } = 2000;

    /// <summary>
    /// How long a running job may go on once its queue is paused or its process stops, before its cancellation token
    /// fires and it goes back to its queue. Keep it below the host's shutdown timeout (30 s), so a stopping process
    /// still puts back what it could not finish.
    /// </summary>
    [Range(0, 600)]
    public int StopGraceSeconds { get; set; } = 20;

    /// <summary>How often SQLite job storage is polled for new jobs (SQL Server does not poll).</summary>
    [Range(50, 60_000)]
    public int SqlitePollIntervalMilliseconds { get; set; } = 250;

    /// <summary>
    /// How long a job fetched from SQLite storage stays invisible to other workers. A worker killed mid-job leaves it
    /// fetched; after this long it is handed out again. Keep it above the longest job: a job still running then is
    /// started a second time (harmless, the jobs are idempotent, but wasted work).
    /// </summary>
    [Range(5, 86_400)]
    public int SqliteInvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>How often each worker polls PostgreSQL job storage for a new job (README: why not LISTEN/NOTIFY).</summary>
    [Range(50, 60_000)]
    public int PostgreSqlPollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long a job fetched from PostgreSQL storage by a worker that then died waits before another worker takes it.
    /// The fetch of a running job is renewed in the background (sliding), so this does not limit how long a job runs.
    /// </summary>
    [Range(5, 86_400)]
    public int PostgreSqlInvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// A Hangfire.PostgreSql lock older than this counts as left by a dead process and is removed. Locks are not renewed,
    /// so keep it above the longest hold (one photo's alert emails); it is also how long a killed alert worker holds up
    /// that photo's alerts.
    /// </summary>
    [Range(5, 86_400)]
    public int PostgreSqlDistributedLockTimeoutSeconds { get; set; } = 300;

    /// <summary>Hangfire's own SQLite file when <c>Storage:Provider</c> is Sqlite; relative to the content root.</summary>
    [Required]
    public string SqliteFile { get; set; } = "App_Data/hangfire.db";
}
