using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>A photo stored by an upload that died before scheduling its jobs is processed all the same.</summary>
[Collection(AppCollection.Name)]
public sealed class UnscheduledPipelineTests
{
    [Fact]
    public async Task StartJob_SchedulesPipeline_WhenPhotoWasStoredWithoutJobs()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["Pipeline:UnscheduledGraceSeconds"] = "0" });
        var photoId = await StoreWithoutJobsAsync(host, Photos.Strangers().Content);

        await RunJobAsync(host);

        var done = await host.WaitForAllStagesAsync(photoId);
        Assert.Equal(StageStatus.Succeeded, done.DetectStatus);
        Assert.NotNull(done.DetectJobId);
        Assert.True(done.FaceCount > 0);
    }

    [Fact]
    public async Task StartJob_LeavesPhoto_WhileItsUploadMayStillBeSchedulingIt()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["Pipeline:UnscheduledGraceSeconds"] = "3600" });
        var photoId = await StoreWithoutJobsAsync(host, Photos.Strangers().Content);

        await RunJobAsync(host);

        var photo = (await host.Get<IPhotoRepository>().GetAsync(photoId))!;
        Assert.Null(photo.DetectJobId);
        Assert.Equal(StageStatus.Pending, photo.DetectStatus);
    }

    // What an upload killed between storing the photo and enqueueing its chain leaves behind.
    private static async Task<long> StoreWithoutJobsAsync(AppHost host, byte[] content)
    {
        var stored = await host.Get<IPhotoRepository>().AddAsync(
            new NewPhoto(ContentHash.Of(content), "crashed-upload.jpg", "image/jpeg", 1, 1, content.LongLength), content);
        Assert.True(stored.IsNew);
        return stored.Id;
    }

    private static async Task RunJobAsync(AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartUnscheduledPipelinesJob>().RunAsync(CancellationToken.None);
    }
}
