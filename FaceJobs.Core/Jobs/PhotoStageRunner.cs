using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Keeps a photo's stage status in step with the job running it: Running while it works, the stage's own outcome
/// when it returns, Failed with the message when it throws. The exception is rethrown so Hangfire retries the job
/// and the dashboard shows it.
/// </summary>
public sealed class PhotoStageRunner(IPhotoRepository photos)
{
    public async Task RunAsync(long photoId, PipelineStage stage, Func<Task<StageStatus>> work, CancellationToken cancellationToken)
    {
        await photos.SetStageStatusAsync(photoId, stage, StageStatus.Running, null, cancellationToken);
        StageStatus outcome;
        try
        {
            outcome = await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await photos.SetStageStatusAsync(photoId, stage, StageStatus.Failed, $"{stage}: {e.Message}", CancellationToken.None);
            throw;
        }

        await photos.SetStageStatusAsync(photoId, stage, outcome, null, cancellationToken);
    }
}
