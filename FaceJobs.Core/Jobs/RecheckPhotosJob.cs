using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Recognition;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// After a person joins the watchlist, compares the faces of earlier photos with them and alerts on new matches.
/// A face keeps at most one match: the nearest person over the whole watchlist.
/// </summary>
public sealed class RecheckPhotosJob(
    IPhotoRepository photos,
    IFaceRepository faces,
    IMatchRepository matches,
    WatchlistIndex watchlist,
    WatchlistMatcher matcher,
    IBackgroundJobClient jobs,
    ILogger<RecheckPhotosJob> logger)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Re-check earlier photos for person {0}")]
    public async Task RunAsync(long personId, CancellationToken cancellationToken)
    {
        var references = await watchlist.GetAsync(cancellationToken);
        if (!references.PersonIds.Contains(personId))
            return;

        var photosWithMatches = 0;
        foreach (var photoId in await photos.ListIdsWithEmbeddingsAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = matcher.Match(await faces.ListEmbeddingsAsync(photoId, cancellationToken), references)
                .Where(m => m.PersonId == personId)
                .ToList();
            if (found.Count == 0)
                continue;

            await matches.AddMissingAsync(found, cancellationToken);
            // Alerts skip matches already mailed, so enqueueing for a photo seen before sends nothing twice.
            jobs.Enqueue<SendAlertsJob>(job => job.RunAsync(photoId, CancellationToken.None));
            photosWithMatches++;
        }

        logger.LogInformation("Re-check for person {PersonId}: matches on {PhotoCount} earlier photos", personId, photosWithMatches);
    }
}
