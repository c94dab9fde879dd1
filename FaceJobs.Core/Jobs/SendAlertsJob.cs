using System.Data.Common;
using FaceJobs.Core.Alerts;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Sends one email per watchlist match of a photo that has not been alerted yet. Each delivery is recorded, so a
/// retried or repeated run sends only what is still missing; any failure fails the job so Hangfire retries it.
/// </summary>
public sealed class SendAlertsJob(
    IPhotoRepository photos,
    IFaceRepository faces,
    IAlertRepository alerts,
    AlertMessageFactory messages,
    IAlertSender sender,
    PhotoStageRunner stages,
    JobStorage storage,
    ILogger<SendAlertsJob> logger)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    // How long a sent alert's delivery row is retried while the database is away: giving up means a retry of the job
    // mails it again. Well under PostgreSQL's lock expiry (Hangfire:PostgreSqlDistributedLockTimeoutSeconds, 5 min), so
    // no other run for the photo takes the lock over meanwhile.
    private static readonly TimeSpan RecordPatience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RecordRetryDelay = TimeSpan.FromMilliseconds(500);

    [Queue(JobQueues.Alerts)]
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Send watchlist alerts for photo {0}")]
    public Task RunAsync(long photoId, CancellationToken cancellationToken) =>
        stages.RunAsync(photoId, PipelineStage.Alert, async () =>
        {
            // Two runs for one photo (the pipeline's and a watchlist re-check's) must not both see a match as unsent and
            // both mail it; a storage lock works across worker machines, unlike a process-local one.
            using var connection = storage.GetConnection();
            using var photoLock = connection.AcquireDistributedLock($"facejobs:alerts:photo:{photoId}", LockTimeout);
            // Read under the lock: a run that waited for it while the other one mailed a match added meanwhile would
            // otherwise report the photo as having no match (Skipped) over the other run's Succeeded.
            var photo = await photos.GetAsync(photoId, cancellationToken)
                ?? throw new InvalidOperationException($"Photo {photoId} does not exist.");
            var unsent = await alerts.ListUnsentAsync(photoId, cancellationToken);
            if (unsent.Count == 0)
                return photo.MatchCount == 0 ? StageStatus.Skipped : StageStatus.Succeeded;

            var failures = new List<string>();
            foreach (var match in unsent)
            {
                var message = messages.Create(match, photo, await faces.GetThumbnailAsync(match.FaceId, cancellationToken));
                try
                {
                    await sender.SendAsync(message, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Alert for photo {PhotoId}, person {PersonId} failed", photoId, match.PersonId);
                    await alerts.RecordFailedAsync(match, messages.RecipientList, e.Message, CancellationToken.None);
                    failures.Add($"{match.PersonName}: {e.Message}");
                    continue;
                }

                await RecordSentAsync(match, message.MessageId ?? "");
                logger.LogInformation("Alert sent for photo {PhotoId}: {PersonName} at distance {Distance}", photoId, match.PersonName, match.Distance);
            }

            if (failures.Count > 0)
                throw new AlertDeliveryException($"{failures.Count} of {unsent.Count} alerts could not be sent: {string.Join("; ", failures)}");
            return StageStatus.Succeeded;
        }, cancellationToken);

    /// <summary>
    /// Records a sent alert, trying again for a while if the database does not answer (a restart, a failover): the email
    /// is already out, and a job failing here would send it a second time on retry.
    /// </summary>
    private async Task RecordSentAsync(MatchView match, string messageId)
    {
        var deadline = DateTime.UtcNow + RecordPatience;
        while (true)
        {
            try
            {
                await alerts.RecordSentAsync(match, messages.RecipientList, messageId, CancellationToken.None);
                return;
            }
            catch (DbException e) when (DateTime.UtcNow < deadline)
            {
                logger.LogWarning(e, "Alert for photo {PhotoId}, person {PersonId} was sent but not yet recorded; trying again", match.PhotoId, match.PersonId);
                await Task.Delay(RecordRetryDelay, CancellationToken.None);
            }
        }
    }
}

/// <summary>Thrown when at least one alert of a photo could not be delivered.</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
