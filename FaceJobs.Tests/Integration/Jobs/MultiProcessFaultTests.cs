using System.Diagnostics;
using System.Globalization;
using System.Net;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;
using static FaceJobs.Tests.Integration.Jobs.MultiProcessTests;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// Faults and load on web and worker processes of the built app sharing one PostgreSQL database: a worker killed
/// mid-job, alert workers racing a watchlist re-check, everything stopped and started again, the database server
/// down mid-run, and hundreds of concurrent uploads. Counts come from the database, Hangfire's job history and the
/// SMTP server; the figures each test writes are what the issue reports.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "MultiProcess")]
[Trait("Category", "PostgreSql")]
public sealed class MultiProcessFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Photos_FinishOnTheOtherWorkerAndMailOnce_WhenAWorkerIsKilledMidDetection()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 2, new Dictionary<string, string>
        {
            // A killed worker's job waits this long before the other worker takes it...
            ["Hangfire:PostgreSqlInvisibilityTimeoutSeconds"] = "10",
            // ...and a photo's alert lock it held this long (each alert job here holds it well under a second).
            ["Hangfire:PostgreSqlDistributedLockTimeoutSeconds"] = "10",
        });
        await cluster.EnrollWatchedPersonAsync();
        var photoIds = await cluster.UploadAsync(SmallPhotosWithWatchedPerson(12));

        var (victim, cutOff) = await KillWorkerRunningDetectionAsync(cluster);
        var killed = Stopwatch.StartNew();
        var cutOffPhoto = (await cluster.Photos.GetAsync(cutOff.Argument))!;
        // The job's own state, not the photo's: the victim may have finished the work but not told Hangfire.
        var cutOffJob = cutOff.JobId.ToString(CultureInfo.InvariantCulture);
        await Waiting.UntilAsync(() => Task.FromResult(cluster.JobState(cutOffJob) == "Succeeded" ? cutOffJob : null), FinishTimeout,
            $"detection job {cutOffJob} to succeed on the other worker");
        var takenOver = killed.Elapsed;
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var allFinished = killed.Elapsed;

        await cluster.AssertEachPhotoMailedOnceAsync(photos, facesPerPhoto: 1);
        var survivor = Assert.Single(cluster.Workers);
        var starts = cluster.ProcessesThatStarted(cutOffJob);
        Assert.Equal(victim, starts[0]);
        Assert.Equal(survivor.Id, starts[^1]);
        await AssertOnePipelinePerPhotoAsync(cluster, photoIds);
        var runs = cluster.ProcessingCountsByProcess(JobIdsOf(photos));
        output.WriteLine(
            $"{photos.Count} photos; killed worker {victim} in detection job {cutOff.JobId} (photo {cutOffPhoto.Id}); " +
            $"worker {survivor.Id} finished that detection {takenOver.TotalSeconds:0.0} s after the kill, all photos {allFinished.TotalSeconds:0.0} s after; " +
            $"job starts per process {Describe(runs)}; emails {cluster.Smtp.Count}");
    }

    [Fact]
    public async Task Alerts_MailEachMatchOnce_WhenTwoAlertWorkersAndAWatchlistRecheckRaceThePipeline()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        // Both worker processes serve the alerts queue, two workers each.
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 2, new Dictionary<string, string> { ["Hangfire:Workers:alerts"] = "2" });
        var photoIds = await cluster.UploadAsync(SmallPhotosWithWatchedPerson(12));

        // The person joins the watchlist (with a re-check of earlier photos) while the pipeline is half way: photos
        // recognized before are matched by the re-check, later ones by the pipeline, and the re-check enqueues alerts for
        // every photo with a match that it sees, so pipeline and re-check alert jobs for the same photos run side by side.
        var recognizedBefore = (await Waiting.UntilAsync(async () =>
        {
            var recognized = new List<long>();
            foreach (var id in photoIds)
            {
                if ((await cluster.Photos.GetAsync(id))!.RecognizeStatus == Core.Data.StageStatus.Succeeded)
                    recognized.Add(id);
            }

            return recognized.Count >= 4 ? recognized : null;
        }, FinishTimeout, "four photos to be recognized")).Count;
        var personId = await cluster.EnrollWatchedPersonAsync(recheckEarlierPhotos: true);

        await Waiting.UntilAsync(async () => (await cluster.JobsOfTypeAsync<RecheckPhotosJob>()) is [var recheck]
            && cluster.JobState(recheck.JobId.ToString(CultureInfo.InvariantCulture)) == "Succeeded" ? "" : null,
            FinishTimeout, "the watchlist re-check to succeed");
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        await cluster.WaitForNoJobsAsync(FinishTimeout);

        await cluster.AssertEachPhotoMailedOnceAsync(photos, facesPerPhoto: 1);
        foreach (var photo in photos)
            Assert.Equal(personId, Assert.Single(await cluster.Matches.ListByPhotoAsync(photo.Id)).PersonId);
        var alertJobs = (await cluster.JobsOfTypeAsync<SendAlertsJob>()).GroupBy(job => job.Argument).ToList();
        var photosWithTwoAlertJobs = alertJobs.Count(photo => photo.Count() > 1);
        Assert.True(photosWithTwoAlertJobs >= recognizedBefore, $"{photosWithTwoAlertJobs} photos had a second alert job; {recognizedBefore} were recognized before the re-check");
        var alertRuns = cluster.ProcessingCountsByProcess(alertJobs.SelectMany(photo => photo).Select(job => job.JobId.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine(
            $"{photos.Count} photos, {recognizedBefore} recognized before the person joined with a re-check; " +
            $"{alertJobs.Sum(photo => photo.Count())} alert jobs ({photosWithTwoAlertJobs} photos had two), alert job starts per process {Describe(alertRuns)}; " +
            $"emails {cluster.Smtp.Count} for {photos.Count} matches");
    }

    [Fact]
    public async Task QueuedPhotos_AllFinishOnce_WhenEveryProcessIsStoppedAndStartedAgain()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 2);
        await cluster.EnrollWatchedPersonAsync();
        var photoIds = await cluster.UploadAsync(SmallPhotosWithWatchedPerson(40));
        var before = cluster.Webs.Concat(cluster.Workers).Select(process => process.Id).ToList();

        var stopping = Stopwatch.StartNew();
        await cluster.StopAllAsync();
        var stopped = stopping.Elapsed;
        var unfinished = await UnfinishedCountAsync(cluster, photoIds);
        Assert.True(unfinished > 0, "every photo finished before the stop; nothing was left queued");

        var restarting = Stopwatch.StartNew();
        await cluster.StartProcessesAsync(webs: 1, workers: 2);
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var recovered = restarting.Elapsed;

        await cluster.AssertEachPhotoMailedOnceAsync(photos, facesPerPhoto: 1);
        await AssertOnePipelinePerPhotoAsync(cluster, photoIds);
        var starts = cluster.StateCounts(JobIdsOf(photos), "Processing");
        var runs = cluster.ProcessingCountsByProcess(JobIdsOf(photos));
        output.WriteLine(
            $"{photos.Count} photos, {unfinished} unfinished when all {before.Count} processes were stopped (stop took {stopped.TotalSeconds:0.0} s); " +
            $"all finished {recovered.TotalSeconds:0.0} s after the restart; {starts.Count(job => job.Value > 1)} jobs started again after the stop; " +
            $"job starts per process {Describe(runs)} (before the stop: {string.Join(", ", before)}); emails {cluster.Smtp.Count}");
    }

    [Fact]
    public async Task Photos_AllFinishAndHealthRecovers_WhenTheDatabaseServerGoesDownMidRun()
    {
        await using var server = await PostgreSqlTestServer.StartDedicatedAsync();
        await using var database = await server.CreateDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 2);
        await cluster.EnrollWatchedPersonAsync();
        var photoIds = await cluster.UploadAsync(SmallPhotosWithWatchedPerson(16));
        using var health = new HttpClient { BaseAddress = cluster.Webs[0].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var unfinished = await UnfinishedCountAsync(cluster, photoIds);
        Assert.True(unfinished > 0, "every photo finished before the database went down");
        var down = Stopwatch.StartNew();
        await server.StopAsync();
        var unhealthy = await Waiting.UntilAsync(
            async () => await HealthAsync(health) is { Status: HttpStatusCode.ServiceUnavailable } answer ? answer : null,
            TimeSpan.FromSeconds(60), "/health to report the database down");
        Assert.Equal("Unhealthy", unhealthy.Body);
        var noticed = down.Elapsed;
        // Down long enough for every process to hit it: job polls, heartbeats and running jobs.
        await Task.Delay(TimeSpan.FromSeconds(5));

        await server.StartAsync();
        var up = Stopwatch.StartNew();
        NpgsqlConnection.ClearAllPools(); // this test process's own connections died with the server
        var healthy = await Waiting.UntilAsync(
            async () => await HealthAsync(health) is { Status: HttpStatusCode.OK } answer ? answer : null,
            TimeSpan.FromSeconds(60), "/health to report the database back");
        Assert.Equal("Healthy", healthy.Body);
        var healthBack = up.Elapsed;
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var recovered = up.Elapsed;

        // Nothing lost, nothing mailed twice: an alert sent just before the server went away is recorded once it is back.
        await cluster.AssertEachPhotoMailedOnceAsync(photos, facesPerPhoto: 1);
        await AssertOnePipelinePerPhotoAsync(cluster, photoIds);
        var starts = cluster.StateCounts(JobIdsOf(photos), "Processing");
        var failures = cluster.StateCounts(JobIdsOf(photos), "Failed").Values.Sum();
        var runs = cluster.ProcessingCountsByProcess(JobIdsOf(photos));
        output.WriteLine(
            $"{photos.Count} photos, {unfinished} unfinished when the database stopped; /health 503 Unhealthy {noticed.TotalSeconds:0.0} s after the stop, Healthy {healthBack.TotalSeconds:0.0} s after the start; " +
            $"all photos finished {recovered.TotalSeconds:0.0} s after the start; {starts.Count(job => job.Value > 1)} jobs started more than once, " +
            $"{failures} Failed states; job starts per process {Describe(runs)}; emails {cluster.Smtp.Count}");
    }

    [Fact]
    public async Task ConcurrentUploads_GiveOnePhotoEachProcessedOnce_WhenSpreadOverTwoWebProcesses()
    {
        const int Distinct = 200;
        const int Identical = 20;
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 2, workers: 2, new Dictionary<string, string>
        {
            // Every upload is let in (none turned away busy), 16 per process taken in at once: intakes race on the
            // database, and the pools are not asked for a hundred new connections at the same moment (each a password
            // handshake; on two busy cores some of those outlast the connect timeout).
            ["Upload:MaxConcurrentRequests"] = "16",
            ["Upload:QueuedRequests"] = "256",
        });
        var clients = await Task.WhenAll(cluster.Webs.Select(cluster.CreateSignedInClientAsync));
        var uploads = Enumerable.Range(0, Distinct).Select(i => (Name: $"distinct-{i}.jpg", Content: Photos.SmallWithoutFaces(i)))
            .Concat(Enumerable.Range(0, Identical).Select(i => (Name: $"identical-{i}.jpg", Content: Photos.SmallWithoutFaces(Distinct))))
            .ToList();

        // Every form loaded first, a few at a time (each needs its antiforgery token), then all posted at once.
        var forms = new MultipartFormDataContent[uploads.Count];
        await Parallel.ForAsync(0, uploads.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            forms[i] = await clients[i % clients.Length].LoadFormAsync("/", [], [(uploads[i].Name, uploads[i].Content)]));
        var uploading = Stopwatch.StartNew();
        var responses = await Task.WhenAll(forms.Select((form, i) => clients[i % clients.Length].PostAsync("/", form)));
        var uploaded = uploading.Elapsed;
        var failed = responses.Where(response => response.StatusCode != System.Net.HttpStatusCode.Redirect).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {responses.Length} uploads answered {string.Join(", ", failed.Select(r => (int)r.StatusCode).Distinct())}; " +
            $"the web processes wrote:\n{string.Join("\n---\n", cluster.Webs.Select(web => web.LastOutput(40)))}");
        var ids = responses.Select(Pipeline.IdFromRedirect).ToList();

        var distinctIds = ids.Take(Distinct).ToList();
        var identicalId = Assert.Single(ids.Skip(Distinct).Distinct());
        Assert.Equal(Distinct, distinctIds.Distinct().Count());
        Assert.DoesNotContain(identicalId, distinctIds);
        Assert.Equal(Distinct + 1, await cluster.Photos.CountAsync());
        foreach (var (id, i) in distinctIds.Select((id, i) => (id, i)))
            Assert.Equal(uploads[i].Name, (await cluster.Photos.GetAsync(id))!.FileName);

        var photoIds = distinctIds.Append(identicalId).ToList();
        var processing = Stopwatch.StartNew();
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var finished = processing.Elapsed;

        Assert.All(photos, photo => Assert.Equal((Core.Data.StageStatus.Succeeded, 0), (photo.DetectStatus, photo.FaceCount ?? -1)));
        await AssertOnePipelinePerPhotoAsync(cluster, photoIds);
        var detectRuns = cluster.ProcessingCountsByProcess(photos.Select(photo => photo.DetectJobId!));
        Assert.All(cluster.Workers, worker => Assert.True(detectRuns.GetValueOrDefault(worker.Id) > 0, $"worker {worker.Id} ran no detection: {Describe(detectRuns)}"));
        Assert.All(cluster.Webs, web => Assert.Equal(0, detectRuns.GetValueOrDefault(web.Id)));
        output.WriteLine(
            $"{uploads.Count} concurrent uploads ({Distinct} distinct, {Identical} identical) over 2 web processes in {uploaded.TotalSeconds:0.0} s: " +
            $"{photos.Count} photos; all processed {finished.TotalSeconds:0.0} s later; detection starts per process {Describe(detectRuns)}");
        foreach (var client in clients)
            client.Dispose();
    }

    /// <summary>
    /// Kills a worker while it runs a detection job and returns its process id and that job. A job can end between
    /// being seen and the kill; then a new worker takes the dead one's place and the next one is killed.
    /// </summary>
    private async Task<(int Victim, (long JobId, long Argument) CutOff)> KillWorkerRunningDetectionAsync(Cluster cluster)
    {
        for (var attempt = 1; ; attempt++)
        {
            var running = await Waiting.UntilAsync(
                () => Task.FromResult(cluster.ProcessingJobs().FirstOrDefault(job =>
                    job.JobType == typeof(DetectFacesJob) && cluster.Workers.Any(worker => worker.Id == job.ProcessId))),
                FinishTimeout, "a worker to run a detection job");
            var victim = cluster.Workers.Single(worker => worker.Id == running.ProcessId);
            cluster.Kill(victim);

            // A killed process writes nothing more: what Hangfire shows as its Processing jobs now were cut off.
            var cutOff = cluster.ProcessingJobs().Where(job => job.ProcessId == victim.Id && job.JobType == typeof(DetectFacesJob)).ToList();
            if (cutOff.Count > 0)
            {
                var detect = (await cluster.JobsOfTypeAsync<DetectFacesJob>()).Single(job => job.JobId.ToString(CultureInfo.InvariantCulture) == cutOff[0].JobId);
                return (victim.Id, detect);
            }

            Assert.True(attempt < 3, "three kills in a row missed the detection job they aimed at");
            output.WriteLine($"detection job {running.JobId} ended before worker {victim.Id} was killed; starting another worker and trying again");
            await cluster.StartProcessesAsync(webs: 0, workers: 1);
        }
    }

    /// <summary>One pipeline per photo, each of its jobs succeeded once: Hangfire holds exactly one detection job per photo.</summary>
    private static async Task AssertOnePipelinePerPhotoAsync(Cluster cluster, IReadOnlyList<long> photoIds)
    {
        var detections = await cluster.JobsOfTypeAsync<DetectFacesJob>();
        Assert.Equal(photoIds.Order(), detections.Select(job => job.Argument).Order());
        var photos = new List<Core.Data.Photo>();
        foreach (var id in photoIds)
            photos.Add((await cluster.Photos.GetAsync(id))!);
        Assert.All(cluster.StateCounts(JobIdsOf(photos), "Succeeded"), job => Assert.Equal(1, job.Value));
    }

    private static async Task<int> UnfinishedCountAsync(Cluster cluster, IReadOnlyList<long> photoIds)
    {
        var unfinished = 0;
        foreach (var id in photoIds)
            unfinished += (await cluster.Photos.GetAsync(id))!.AlertStatus is Core.Data.StageStatus.Succeeded ? 0 : 1;
        return unfinished;
    }

    private static List<(string, byte[])> SmallPhotosWithWatchedPerson(int count) =>
        Enumerable.Range(0, count).Select(i => ($"sheldon-{i}.jpg", Photos.SmallWithWatchedPerson(i))).ToList();

    private static async Task<HealthAnswer?> HealthAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health");
            return new HealthAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private sealed record HealthAnswer(HttpStatusCode Status, string Body);
}
