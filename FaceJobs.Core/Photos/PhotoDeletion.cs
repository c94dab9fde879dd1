using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Photos;

/// <summary>
/// Deletes a photo with everything derived from it (one transaction: see <see cref="IPhotoRepository.DeleteAsync"/>),
/// then takes its pipeline jobs that have not finished off the queues, so the dashboard does not show them waiting.
/// A job that runs anyway (taken by a worker at that moment, or queued by a watchlist re-check) finds the photo
/// gone and ends as a no-op (<see cref="Jobs.PhotoStageRunner"/>). The pages and the retention job both delete here.
/// </summary>
public sealed class PhotoDeletion(IPhotoRepository photos, IBackgroundJobClient jobs, JobStorage storage, ILogger<PhotoDeletion> logger)
{
    /// <summary>The photo as it was before it was deleted; null when there was no such photo.</summary>
    public async Task<Photo?> DeleteAsync(long photoId, CancellationToken cancellationToken)
    {
        var deleted = await photos.DeleteAsync(photoId, cancellationToken);
        if (deleted is null)
            return null;

        DeleteUnfinishedJobs(deleted);
        logger.LogInformation("Photo {PhotoId} deleted with its faces, matches and alert records", photoId);
        return deleted;
    }

    private void DeleteUnfinishedJobs(Photo photo)
    {
        try
        {
            using var connection = storage.GetConnection();
            // Last stage first: a continuation whose parent is deleted first would be moved by Hangfire meanwhile.
            foreach (var jobId in new[] { photo.AlertJobId, photo.RecognizeJobId, photo.DetectJobId }.OfType<string>())
            {
                var state = connection.GetStateData(jobId)?.Name;
                if (state is null || state == SucceededState.StateName || state == DeletedState.StateName)
                    continue;
                // Expecting the state just read: a job that moved on meanwhile is left to end as a no-op.
                jobs.ChangeState(jobId, new DeletedState { Reason = $"Photo {photo.Id} was deleted" }, state);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The photo is gone already and its jobs would do nothing; a job storage hiccup must not fail the delete.
            logger.LogWarning(e, "Photo {PhotoId} deleted, but its unfinished jobs could not be removed from the queues", photo.Id);
        }
    }
}
