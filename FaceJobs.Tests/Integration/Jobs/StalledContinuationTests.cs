using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>A continuation orphaned by a crash between its parent's success and its own release is picked up again.</summary>
[Collection(AppCollection.Name)]
public sealed class StalledContinuationTests
{
    [Fact]
    public async Task ResumeJob_EnqueuesOrphanedContinuation_WhenParentSucceededButChildStillAwaits()
    {
        // No detect workers: the test plays the crashed worker that finished detection.
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["Hangfire:Workers:detect"] = "0" });
        // The test runs the recovery itself; the minutely schedule would race it when a minute turns inside the test.
        host.Get<IRecurringJobManager>().RemoveIfExists(ResumeStalledContinuationsJob.RecurringJobId);
        using var client = await host.CreateSignedInClientAsync();
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
        var photo = await host.WaitForJobsAsync(photoId);
        var storage = host.Get<JobStorage>();

        // What a process killed mid-transition leaves: the parent recorded Succeeded, the continuation never released.
        using (var connection = storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(photo.DetectJobId!, new SucceededState(null, 0, 0));
            transaction.Commit();
        }

        await host.Get<IPhotoRepository>().SetStageStatusAsync(photoId, PipelineStage.Detect, StageStatus.Succeeded);
        await Task.Delay(TimeSpan.FromSeconds(2));
        using (var connection = storage.GetConnection())
            Assert.Equal(AwaitingState.StateName, connection.GetStateData(photo.RecognizeJobId!)!.Name);

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ResumeStalledContinuationsJob>().RunAsync(CancellationToken.None);

        var done = await host.WaitForAllStagesAsync(photoId);
        Assert.Equal(StageStatus.Skipped, done.RecognizeStatus); // detection never stored faces here
        Assert.Equal(StageStatus.Skipped, done.AlertStatus);
    }
}
