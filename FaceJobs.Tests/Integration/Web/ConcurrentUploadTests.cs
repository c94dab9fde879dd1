using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>
/// The same bytes uploaded twenty times at once through the real upload page: one photo, one pipeline, and every
/// request led to that photo. Runs once per storage provider (subclasses).
/// </summary>
public abstract class ConcurrentUploadTests
{
    /// <summary>The storage each test's app runs on.</summary>
    protected abstract Task<TestStorage> StorageAsync();

    [Fact]
    public async Task Upload_KeepsOnePhotoAndOnePipeline_WhenTwentyUploadTheSameBytesAtOnce()
    {
        await using var storage = await StorageAsync();
        var settings = storage.With();
        settings["Accounts:SignInAttemptsPerMinute"] = "100"; // twenty people sign in from one address
        settings["Upload:MaxConcurrentRequests"] = "20"; // all twenty at once: the race under test
        await using var host = await AppHost.StartAsync(settings);
        var photo = Photos.Strangers();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.CreateSignedInClientAsync()));

        var responses = await Task.WhenAll(clients.Select(client => Task.Run(() => client.UploadAsync(photo))));

        var ids = responses.Select(Pipeline.IdFromRedirect).Distinct().ToArray();
        var photoId = Assert.Single(ids);
        Assert.Equal(1, await host.Get<IPhotoRepository>().CountAsync());
        await host.WaitForAllStagesAsync(photoId);
        var detectJobs = DetectJobsIn(host.Get<JobStorage>());
        Assert.Equal([(await host.Get<IPhotoRepository>().GetAsync(photoId))!.DetectJobId!], detectJobs);
        foreach (var client in clients)
            client.Dispose();
    }

    /// <summary>Ids of every DetectFacesJob the storage holds, in any state.</summary>
    private static string[] DetectJobsIn(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        const int all = 10_000;
        var jobs = monitoring.SucceededJobs(0, all).Select(job => (job.Key, job.Value.Job))
            .Concat(monitoring.ProcessingJobs(0, all).Select(job => (job.Key, job.Value.Job)))
            .Concat(monitoring.FailedJobs(0, all).Select(job => (job.Key, job.Value.Job)))
            .Concat(monitoring.ScheduledJobs(0, all).Select(job => (job.Key, job.Value.Job)))
            .Concat(monitoring.EnqueuedJobs(JobQueues.Detect, 0, all).Select(job => (job.Key, job.Value.Job)));
        return jobs.Where(job => job.Job?.Type == typeof(DetectFacesJob)).Select(job => job.Key).Distinct().ToArray();
    }
}

[Collection(AppCollection.Name)]
public sealed class SqliteConcurrentUploadTests : ConcurrentUploadTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlConcurrentUploadTests : ConcurrentUploadTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
