using FaceJobs.Core.Data;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.Web.Hosting;

/// <summary>Whether a photo's pipeline still has a job waiting or running in Hangfire, so it is not queued twice.</summary>
public sealed class PipelineActivity(JobStorage storage)
{
    private static readonly HashSet<string> ActiveStates =
        [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    /// <summary>Runs <paramref name="start"/> unless a job of the photo is still active; false when refused.</summary>
    public async Task<bool> StartUnlessActiveAsync(Photo photo, Func<Task> start)
    {
        // Stored but not yet scheduled: PipelineStarter (or, should its process have died, the recovery job) is about to.
        if (photo.DetectJobId is null && photo.DetectStatus == StageStatus.Pending)
            return false;

        using var connection = storage.GetConnection();
        // Two presses at once must not both see "idle": the check and the start happen under one lock per photo.
        using var _ = connection.AcquireDistributedLock($"facejobs:reprocess:{photo.Id}", TimeSpan.FromSeconds(30));
        var jobIds = new[] { photo.DetectJobId, photo.RecognizeJobId, photo.AlertJobId }.OfType<string>();
        if (jobIds.Any(id => connection.GetStateData(id)?.Name is { } state && ActiveStates.Contains(state)))
            return false;
        await start();
        return true;
    }
}
