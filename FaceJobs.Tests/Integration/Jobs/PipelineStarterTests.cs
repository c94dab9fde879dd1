using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Hosting;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>The upload hands a stored photo to <see cref="PipelineStarter"/>, which schedules its jobs after the request.</summary>
[Collection(AppCollection.Name)]
public sealed class PipelineStarterTests
{
    // No workers, so the jobs stay Enqueued and only the scheduling is looked at.
    private static readonly Dictionary<string, string> NoWorkers = new()
    {
        ["Hangfire:Workers:detect"] = "0",
        ["Hangfire:Workers:recognize"] = "0",
        ["Hangfire:Workers:alerts"] = "0",
    };

    [Fact]
    public async Task StartAsync_SchedulesThePhotosJobsSoonAfter_WhenHandedAPhoto()
    {
        await using var host = await AppHost.StartAsync(NoWorkers);
        var photoId = await StoreWithoutJobsAsync(host, 0);

        await host.Get<PipelineStarter>().StartAsync(photoId, CancellationToken.None);

        var scheduled = await Waiting.UntilAsync(
            async () => await host.Get<IPhotoRepository>().GetAsync(photoId) is { DetectJobId: not null } photo ? photo : null,
            TimeSpan.FromSeconds(30), "the photo's jobs");
        Assert.NotNull(scheduled.RecognizeJobId);
        Assert.NotNull(scheduled.AlertJobId);
    }

    [Fact]
    public async Task StopAsync_SchedulesEveryPhotoStillWaiting_BeforeItReturns()
    {
        await using var host = await AppHost.StartAsync(NoWorkers);
        var starter = host.Get<PipelineStarter>();
        var photoIds = new List<long>();
        for (var i = 0; i < 8; i++)
            photoIds.Add(await StoreWithoutJobsAsync(host, i));

        foreach (var id in photoIds)
            await starter.StartAsync(id, CancellationToken.None);
        await ((IHostedService)starter).StopAsync(CancellationToken.None);

        var photos = host.Get<IPhotoRepository>();
        foreach (var id in photoIds)
            Assert.True((await photos.GetAsync(id))!.DetectJobId is not null,
                $"Photo {id} has no jobs after the stop. The app's last warnings:\n{host.Logs}");
    }

    [Fact]
    public async Task Upload_HasItsJobsWhenItAnswers_WhenScheduledInTheRequest()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string>(NoWorkers) { ["Pipeline:ScheduleAfterResponse"] = "false" });
        using var client = await host.CreateSignedInClientAsync();

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));

        var photo = (await host.Get<IPhotoRepository>().GetAsync(photoId))!;
        Assert.NotNull(photo.DetectJobId);
        Assert.NotNull(photo.AlertJobId);
    }

    // A distinct stored photo per call, as an upload stores it before handing it on.
    private static async Task<long> StoreWithoutJobsAsync(AppHost host, int variant)
    {
        var content = Photos.Strangers().Content.Append((byte)variant).ToArray();
        var stored = await host.Get<IPhotoRepository>().AddAsync(
            new NewPhoto(ContentHash.Of(content), $"upload-{variant}.jpg", "image/jpeg", 1, 1, content.LongLength), content);
        return stored.Id;
    }
}
