using System.Net;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>Abuse that costs memory or CPU is bounded: uploads read a few at a time, "Process again" once per run.</summary>
[Collection(AppCollection.Name)]
public sealed class UploadPressureTests
{
    [Fact]
    public async Task Upload_Gets503Page_WhileTheUploadSlotsAreTaken_AndIsServedAfter()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string>
        {
            ["FaceJobs:Role"] = "Web",
            ["Upload:MaxConcurrentRequests"] = "1",
            ["Upload:QueuedRequests"] = "0",
        });
        using var first = await host.CreateSignedInClientAsync();
        using var second = await host.CreateSignedInClientAsync();
        var gate = new TaskCompletionSource();
        using var slowForm = new GatedContent(await first.LoadFormAsync("/", [], [Photos.Strangers()]), gate.Task);

        var slow = first.PostAsync("/", slowForm);
        await Waiting.UntilAsync(() => Task.FromResult(slowForm.Waiting ? "" : null), TimeSpan.FromSeconds(10), "the first upload to be half sent");
        await Task.Delay(200); // let the server take the slot for the half-sent request
        var refused = await second.UploadAsync(("other.jpg", File.ReadAllBytes(TestPaths.Sample(5))));
        gate.SetResult();
        var served = await slow;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("busy", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, served.StatusCode);
        Assert.Equal(1, await host.Get<IPhotoRepository>().CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.UploadAsync(("other.jpg", File.ReadAllBytes(TestPaths.Sample(5))))).StatusCode);
    }

    [Fact]
    public async Task ProcessAgain_IsRefused_WhileThePhotosJobsAreStillQueued()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["FaceJobs:Role"] = "Web" }); // no workers: jobs stay queued
        using var client = await host.CreateSignedInClientAsync();
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));

        // The first presses may come before PipelineStarter has enqueued the jobs; those are refused as well.
        for (var i = 0; i < 10; i++)
            await client.PostFormAsync($"/Photos/{photoId}", [], [], handler: "Reprocess");
        await host.WaitForJobsAsync(photoId);

        Assert.Equal(1, host.Get<JobStorage>().GetMonitoringApi().EnqueuedCount(JobQueues.Detect));
        Assert.Contains("still waiting or running", WebUtility.HtmlDecode(await client.GetStringAsync($"/Photos/{photoId}")));
    }
}
