using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Photos;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Enforces <c>Retention:PhotoDays</c>: deletes photos uploaded longer ago than that, batch by batch, through
/// <see cref="PhotoDeletion"/>, and records each in the audit log with the actor "retention". Registered as a
/// recurring job in every process; the process that runs it goes by its own setting, and does nothing at 0.
/// </summary>
public sealed class DeleteExpiredPhotosJob(
    IPhotoRepository photos, PhotoDeletion deletion, IAuditLogRepository audit, IOptions<RetentionOptions> options, ILogger<DeleteExpiredPhotosJob> logger)
{
    public const string RecurringJobId = "facejobs:delete-expired-photos";

    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Delete photos past Retention:PhotoDays")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.PhotoDays;
        if (days == 0)
            return;

        var deleted = 0;
        IReadOnlyList<long> batch;
        do
        {
            batch = await photos.ListIdsUploadedMoreThanDaysAgoAsync(days, options.Value.BatchSize, cancellationToken);
            foreach (var photoId in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await deletion.DeleteAsync(photoId, cancellationToken) is null)
                    continue;
                deleted++;
                await audit.AddAsync(
                    new NewAuditEntry(AuditSubjects.RetentionActor, AuditActions.PhotoDelete, AuditSubjects.Photo(photoId), $"uploaded more than {days} days ago"),
                    CancellationToken.None);
            }
        }
        while (batch.Count == options.Value.BatchSize);

        if (deleted > 0)
            logger.LogInformation("Retention: deleted {Count} photos uploaded more than {Days} days ago", deleted, days);
    }
}
