using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Releases pipeline continuations left in Awaiting although their parent succeeded. Hangfire moves a parent to
/// Succeeded and its continuations to Enqueued in separate steps, so a process killed between them orphans the
/// continuation (https://github.com/HangfireIO/Hangfire/issues/1830). Runs every minute; the state change names the
/// expected state, so a continuation that Hangfire releases at the same moment is not enqueued twice.
/// </summary>
public sealed class ResumeStalledContinuationsJob(
    IPhotoRepository photos, JobStorage storage, IBackgroundJobClient jobs, ILogger<ResumeStalledContinuationsJob> logger)
{
    public const string RecurringJobId = "facejobs:resume-stalled-continuations";

    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Resume stalled photo pipelines")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        var resumed = 0;
        foreach (var photo in await photos.ListWaitingForNextStageAsync(cancellationToken))
        {
            var next = photo.DetectStatus == StageStatus.Succeeded && photo.RecognizeStatus == StageStatus.Pending
                ? photo.RecognizeJobId
                : photo.AlertJobId;
            if (next is null || connection.GetStateData(next) is not { } awaiting || awaiting.Name != AwaitingState.StateName)
                continue;
            if (!awaiting.Data.TryGetValue("ParentId", out var parentId) || connection.GetStateData(parentId)?.Name != SucceededState.StateName)
                continue;

            if (jobs.ChangeState(next, new EnqueuedState { Reason = "Parent succeeded; its continuation was left waiting" }, AwaitingState.StateName))
            {
                resumed++;
                logger.LogWarning("Photo {PhotoId}: job {JobId} was left awaiting its succeeded parent {ParentId}; enqueued it", photo.Id, next, parentId);
            }
        }

        if (resumed > 0)
            logger.LogInformation("Resumed {Count} stalled continuations", resumed);
    }
}
