using System.Diagnostics;
using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire.States;
using Hangfire.Storage;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// A pause made on the web process's page is obeyed by a worker in another process on the same PostgreSQL database:
/// it takes none of the paused queue's jobs until the queue is resumed, and then finishes them all.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "MultiProcess")]
[Trait("Category", "PostgreSql")]
public sealed class MultiProcessQueuePauseTests(ITestOutputHelper output)
{
    private const int Uploads = 4;

    // The processes read the pause flags at the default interval (Hangfire:PauseCheckMilliseconds, 2 s); this is
    // several reads, so a worker that ignored the pause would have taken a job by then.
    private static readonly TimeSpan SeveralPauseChecks = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Worker_TakesNoDetectJobWhilePausedFromTheWebPage_AndFinishesThemAllAfterResume()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 1);
        var worker = cluster.Workers[0];
        var monitoring = cluster.Jobs.GetMonitoringApi();
        using var client = await cluster.CreateSignedInClientAsync(cluster.Webs[0]);
        await WaitForWorkerServingAsync(monitoring, worker, serving: true);

        var pausing = Stopwatch.StartNew();
        var pause = await client.PostFormAsync("/Queues", [("queue", JobQueues.Detect)], [], handler: "Pause");
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        await WaitForWorkerServingAsync(monitoring, worker, serving: false);
        var pauseObeyed = pausing.Elapsed;

        var photoIds = await UploadDistinctAsync(client, Uploads);
        await Task.Delay(SeveralPauseChecks);

        var detectJobs = new List<string>();
        foreach (var id in photoIds)
        {
            var photo = (await cluster.Photos.GetAsync(id))!;
            Assert.Equal(StageStatus.Pending, photo.DetectStatus);
            Assert.Equal([EnqueuedState.StateName], QueuePauseTests.StatesOf(monitoring, photo.DetectJobId!));
            detectJobs.Add(photo.DetectJobId!);
        }

        Assert.Equal(Uploads, monitoring.EnqueuedCount(JobQueues.Detect));
        Assert.Empty(cluster.ProcessingCountsByProcess(detectJobs));
        var page = QueuePauseTests.QueueRow(await client.GetStringAsync("/Queues"), JobQueues.Detect);
        Assert.Contains("<strong>Paused</strong>", page);
        Assert.Contains("by operator-", page);
        Assert.Contains($"<td class=\"enqueued\">{Uploads}</td>", page);
        Assert.Contains("<td class=\"servers\">0 (0)</td>", page);

        var resuming = Stopwatch.StartNew();
        var resume = await client.PostFormAsync("/Queues", [("queue", JobQueues.Detect)], [], handler: "Resume");
        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        await WaitForWorkerServingAsync(monitoring, worker, serving: true);
        var resumeObeyed = resuming.Elapsed;
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, TimeSpan.FromMinutes(3));
        var drained = resuming.Elapsed;

        Assert.All(photos, photo => Assert.Equal((StageStatus.Succeeded, Fixtures.Photos.FacesFoundWithWatchedPerson), (photo.DetectStatus, photo.FaceCount ?? -1)));
        var runs = cluster.ProcessingCountsByProcess(detectJobs);
        Assert.Equal(Uploads, runs.GetValueOrDefault(worker.Id));
        Assert.Equal(Uploads, runs.Values.Sum());
        Assert.Equal(0, monitoring.EnqueuedCount(JobQueues.Detect));
        output.WriteLine($"worker process {worker.Id}: pause obeyed (its detect server gone) {pauseObeyed.TotalMilliseconds:0} ms after the POST; " +
            $"resume obeyed (detect server back) after {resumeObeyed.TotalMilliseconds:0} ms; {Uploads} photos finished {drained.TotalSeconds:0.0} s after resume");
    }

    /// <summary>Waits until the worker process has (or has no) Hangfire server taking detect jobs.</summary>
    private static Task WaitForWorkerServingAsync(IMonitoringApi monitoring, AppProcess worker, bool serving) =>
        Waiting.UntilAsync(
            () => Task.FromResult(monitoring.Servers().Any(server =>
                server.WorkersCount > 0 && server.Queues.Contains(JobQueues.Detect) && Cluster.ProcessIdOf(server.Name) == worker.Id) == serving ? "yes" : null),
            TimeSpan.FromSeconds(60), $"worker {worker.Id} to {(serving ? "serve" : "stop serving")} the detect queue");

    /// <summary>Distinct bytes of one group photo (one pixel changed), so each upload is a photo of its own.</summary>
    private static async Task<IReadOnlyList<long>> UploadDistinctAsync(HttpClient client, int count)
    {
        var source = TestPaths.Group("bbt3.jpg");
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
            ids.Add(Pipeline.IdFromRedirect(await client.UploadAsync(($"{i}-group.jpg", TestImages.DistinctJpeg(source, i)))));
        Assert.Equal(count, ids.Distinct().Count());
        return ids;
    }
}
