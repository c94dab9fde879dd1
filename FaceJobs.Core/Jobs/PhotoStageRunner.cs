using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Keeps a photo's stage status in step with the job running it: Running while it works, the stage's own outcome
/// when it returns, Failed with the message when it throws. The exception is rethrown so Hangfire retries the job
/// and the dashboard shows it. A job of a photo that was deleted (before it started or while it ran) ends quietly
/// as succeeded: there is nothing left to do, and retrying would only fail again.
/// </summary>
public sealed class PhotoStageRunner(IPhotoRepository photos, ILogger<PhotoStageRunner> logger)
{
    public async Task RunAsync(long photoId, PipelineStage stage, Func<Task<StageStatus>> work, CancellationToken cancellationToken)
    {
        if (!await photos.ExistsAsync(photoId, cancellationToken))
        {
            logger.LogInformation("Photo {PhotoId} was deleted; nothing to do for {Stage}", photoId, stage);
            return;
        }

        await photos.SetStageStatusAsync(photoId, stage, StageStatus.Running, null, cancellationToken);
        StageStatus outcome;
        try
        {
            outcome = await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!await photos.ExistsAsync(photoId, CancellationToken.None))
            {
                logger.LogInformation("Photo {PhotoId} was deleted while {Stage} ran ({Error}); nothing left to do", photoId, stage, e.Message);
                return;
            }

            await photos.SetStageStatusAsync(photoId, stage, StageStatus.Failed, $"{stage}: {e.Message}", CancellationToken.None);
            throw;
        }

        await photos.SetStageStatusAsync(photoId, stage, outcome, null, cancellationToken);
    }
}
