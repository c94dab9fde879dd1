using System.Diagnostics;
using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// Pausing a queue from the Queues page, in one process on SQLite with its real Hangfire servers: a paused queue keeps
/// its jobs and a running one finishes, the schedulers and other queues go on, resuming continues the jobs, and a
/// Viewer can only look.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QueuePauseTests(ITestOutputHelper output)
{
    private const int PauseCheckMilliseconds = 500;

    // Long enough for several reads of the pause flags, so a worker that ignored the pause would have taken the job.
    private static readonly TimeSpan SeveralPauseChecks = TimeSpan.FromMilliseconds(PauseCheckMilliseconds * 6);

    private static readonly TimeSpan ObeyTimeout = TimeSpan.FromSeconds(30);

    // One detect worker, so a second detect job waits for the first rather than running beside it.
    private static Task<AppHost> StartAsync() =>
        AppHost.StartAsync(new Dictionary<string, string>
        {
            ["Hangfire:PauseCheckMilliseconds"] = $"{PauseCheckMilliseconds}",
            ["Hangfire:Workers:detect"] = "1",
        });

    [Fact]
    public async Task Photo_StaysEnqueuedWhileDetectIsPaused_AndFinishesAfterResume()
    {
        await using var host = await StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        var monitoring = host.Get<JobStorage>().GetMonitoringApi();
        await WaitForServersAsync(monitoring, JobQueues.Detect, serving: true);

        var pausing = Stopwatch.StartNew();
        var pause = await client.PostFormAsync("/Queues", [("queue", JobQueues.Detect)], [], handler: "Pause");
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        await WaitForServersAsync(monitoring, JobQueues.Detect, serving: false);
        var pauseObeyed = pausing.Elapsed;

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
        await Task.Delay(SeveralPauseChecks);

        var waiting = (await host.Get<IPhotoRepository>().GetAsync(photoId))!;
        Assert.Equal(StageStatus.Pending, waiting.DetectStatus);
        Assert.Equal(1, monitoring.EnqueuedCount(JobQueues.Detect));
        Assert.Equal([EnqueuedState.StateName], StatesOf(monitoring, waiting.DetectJobId!));
        var page = await client.GetStringAsync("/Queues");
        Assert.Contains("<strong>Paused</strong>", QueueRow(page, JobQueues.Detect));
        Assert.Contains("<td class=\"enqueued\">1</td>", QueueRow(page, JobQueues.Detect));
        Assert.Contains("<td class=\"servers\">0 (0)</td>", QueueRow(page, JobQueues.Detect));
        Assert.Contains("<span>Running</span>", QueueRow(page, JobQueues.Recognize));

        var resuming = Stopwatch.StartNew();
        var resume = await client.PostFormAsync("/Queues", [("queue", JobQueues.Detect)], [], handler: "Resume");
        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        await WaitForServersAsync(monitoring, JobQueues.Detect, serving: true);
        var resumeObeyed = resuming.Elapsed;
        var done = await host.WaitForAllStagesAsync(photoId);
        var finished = resuming.Elapsed;

        Assert.Equal(3, done.FaceCount);
        Assert.Empty(await host.Get<IQueuePauseRepository>().ListAsync());
        output.WriteLine($"pause check every {PauseCheckMilliseconds} ms; pause obeyed (detect server gone) after {pauseObeyed.TotalMilliseconds:0} ms; " +
            $"resume obeyed (detect server back) after {resumeObeyed.TotalMilliseconds:0} ms; photo finished {finished.TotalSeconds:0.0} s after resume");
    }

    [Fact]
    public async Task RunningJob_FinishesOnceAndTheNextWaits_WhenItsQueueIsPaused()
    {
        await using var host = await StartAsync();
        var monitoring = host.Get<JobStorage>().GetMonitoringApi();
        var jobs = host.Get<IBackgroundJobClient>();
        await WaitForServersAsync(monitoring, JobQueues.Detect, serving: true);
        var running = jobs.Enqueue(JobQueues.Detect, () => SlowJob.RunAsync(CancellationToken.None));
        await Waiting.UntilAsync(() => Task.FromResult(StateOf(monitoring, running) == ProcessingState.StateName ? "processing" : null), ObeyTimeout, "the slow job to start");
        var next = jobs.Enqueue(JobQueues.Detect, () => SlowJob.RunAsync(CancellationToken.None));

        await host.Get<IQueuePauseRepository>().PauseAsync(JobQueues.Detect, "test");
        var pausedAt = Stopwatch.StartNew();
        await Waiting.UntilAsync(() => Task.FromResult(StateOf(monitoring, running) == SucceededState.StateName ? "done" : null), ObeyTimeout, "the running job to finish");
        await WaitForServersAsync(monitoring, JobQueues.Detect, serving: false);
        var drained = pausedAt.Elapsed;
        await Task.Delay(SeveralPauseChecks);

        // Hangfire by default cancels a running job half a second after its server is told to stop; it would then be
        // put back and run twice.
        Assert.Equal([SucceededState.StateName, ProcessingState.StateName, EnqueuedState.StateName], StatesOf(monitoring, running));
        Assert.Equal([EnqueuedState.StateName], StatesOf(monitoring, next));
        output.WriteLine($"the paused detect server finished its running {SlowJob.Duration.TotalSeconds:0} s job and stopped {drained.TotalMilliseconds:0} ms after the pause");

        await host.Get<IQueuePauseRepository>().ResumeAsync(JobQueues.Detect);
        await Waiting.UntilAsync(() => Task.FromResult(StateOf(monitoring, next) == SucceededState.StateName ? "done" : null), ObeyTimeout, "the waiting job to run after resume");
    }

    [Fact]
    public async Task DelayedJob_IsStillEnqueuedOnTime_WhenEveryQueueIsPaused_AndRunsAfterResume()
    {
        await using var host = await StartAsync();
        var monitoring = host.Get<JobStorage>().GetMonitoringApi();
        var pauses = host.Get<IQueuePauseRepository>();
        foreach (var queue in JobQueues.All)
            await pauses.PauseAsync(queue, "test");
        await Waiting.UntilAsync(
            () => Task.FromResult(monitoring.Servers().All(server => server.WorkersCount == 0) ? "paused" : null), ObeyTimeout, "every queue server to stop");

        var jobId = host.Get<IBackgroundJobClient>().Schedule(() => Console.WriteLine("due"), TimeSpan.FromSeconds(1));
        await Waiting.UntilAsync(() => Task.FromResult(StateOf(monitoring, jobId) == EnqueuedState.StateName ? "enqueued" : null), ObeyTimeout,
            "the schedulers, never paused, to enqueue the due job");
        await Task.Delay(SeveralPauseChecks);
        Assert.Equal(EnqueuedState.StateName, StateOf(monitoring, jobId));
        var schedulers = Assert.Single(monitoring.Servers());
        Assert.Contains($":{Environment.ProcessId}:schedulers:", schedulers.Name);

        await pauses.ResumeAsync(JobQueues.Default);
        await Waiting.UntilAsync(() => Task.FromResult(StateOf(monitoring, jobId) == SucceededState.StateName ? "done" : null), ObeyTimeout, "the job to run after resume");
    }

    [Fact]
    public async Task Viewer_SeesQueuesWithoutButtons_AndIsRefusedPauseAndResume()
    {
        await using var host = await StartAsync();
        var pauses = host.Get<IQueuePauseRepository>();
        await pauses.PauseAsync(JobQueues.Alerts, "operator-on-duty");
        using var viewer = await host.CreateSignedInClientAsync(AccountRole.Viewer);

        var page = await viewer.GetStringAsync("/Queues");
        Assert.Contains("by operator-on-duty at", QueueRow(page, JobQueues.Alerts));
        Assert.Contains("<span>Running</span>", QueueRow(page, JobQueues.Detect));
        Assert.DoesNotContain("Pause</button>", page);
        Assert.DoesNotContain("Resume</button>", page);
        Assert.Contains("href=\"/Queues\"", await viewer.GetStringAsync("/"));

        // No pause form is shown, so take a token from the sign-out form in the header.
        var pause = await viewer.PostFormAsync("/Queues", [("queue", JobQueues.Detect)], [], target: "/Queues?handler=Pause");
        var resume = await viewer.PostFormAsync("/Queues", [("queue", JobQueues.Alerts)], [], target: "/Queues?handler=Resume");

        foreach (var refused in new[] { pause, resume })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/Denied", refused.Headers.Location!.PathAndQuery);
        }

        Assert.Equal([JobQueues.Alerts], (await pauses.ListAsync()).Select(p => p.QueueName));
        using var operatorClient = await host.CreateSignedInClientAsync();
        var operatorPage = await operatorClient.GetStringAsync("/Queues");
        Assert.Contains("Resume</button>", QueueRow(operatorPage, JobQueues.Alerts));
        Assert.Contains("Pause</button>", QueueRow(operatorPage, JobQueues.Detect));
        var unknown = await operatorClient.PostFormAsync("/Queues", [("queue", "no-such-queue")], [], handler: "Pause");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Waits until some server takes <paramref name="queue"/>'s jobs (or none does).</summary>
    internal static Task WaitForServersAsync(IMonitoringApi monitoring, string queue, bool serving) =>
        Waiting.UntilAsync(
            () => Task.FromResult(monitoring.Servers().Any(server => server.WorkersCount > 0 && server.Queues.Contains(queue)) == serving ? "yes" : null),
            ObeyTimeout, serving ? $"a server for {queue}" : $"no server for {queue}");

    /// <summary>The job's states, newest first.</summary>
    internal static string[] StatesOf(IMonitoringApi monitoring, string jobId) =>
        monitoring.JobDetails(jobId).History.Select(state => state.StateName).ToArray();

    private static string? StateOf(IMonitoringApi monitoring, string jobId) => monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName;

    /// <summary>The page's table row of one queue.</summary>
    internal static string QueueRow(string page, string queue)
    {
        var start = page.IndexOf($"<tr data-queue=\"{queue}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for queue {queue}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

/// <summary>A job that takes a few seconds and honours its cancellation token, as the pipeline's jobs do.</summary>
public static class SlowJob
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public static Task RunAsync(CancellationToken cancellationToken) => Task.Delay(Duration, cancellationToken);
}
