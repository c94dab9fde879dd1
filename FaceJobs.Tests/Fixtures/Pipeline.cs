using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Waits on what the jobs write, the way the pages see it.</summary>
public static class Pipeline
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static bool IsDone(StageStatus status) => status is StageStatus.Succeeded or StageStatus.Skipped;

    /// <summary>Waits until the photo satisfies <paramref name="done"/>; a timeout says where it stood and what the app logged.</summary>
    public static async Task<Photo> WaitForPhotoAsync(this AppHost host, long photoId, Func<Photo, bool> done, string what)
    {
        Photo? last = null;
        try
        {
            return await Waiting.UntilAsync(async () => (last = await host.Get<IPhotoRepository>().GetAsync(photoId)) is { } p && done(p) ? p : null, Timeout, what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"{e.Message}\nLast seen: {Describe(last)}\nIts jobs in Hangfire:\n{JobHistories(host, last)}\n{ThreadPoolState()}\n" +
                $"The app's last warnings:\n{host.Logs}", e);
        }
    }

    private static string Describe(Photo? photo) => photo is null
        ? "no such photo"
        : $"detect {photo.DetectStatus} (job {photo.DetectJobId}), recognize {photo.RecognizeStatus} (job {photo.RecognizeJobId}), " +
          $"alert {photo.AlertStatus} (job {photo.AlertJobId}), last error {photo.LastError ?? "none"}";

    /// <summary>Whether the test process's thread pool was starved (the jobs' continuations and the pages run on it).</summary>
    private static string ThreadPoolState() =>
        $"Thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} work items waiting, {ThreadPool.CompletedWorkItemCount} done";

    /// <summary>Each of the photo's jobs with its states and their times (on which server, how often fetched).</summary>
    private static string JobHistories(AppHost host, Photo? photo)
    {
        if (photo is null)
            return "none";
        try
        {
            return JobHistories(host.Get<Hangfire.JobStorage>().GetMonitoringApi(), photo);
        }
        catch (Exception e)
        {
            return $"unreadable ({e.GetType().Name}: {e.Message})";
        }
    }

    private static string JobHistories(Hangfire.Storage.IMonitoringApi monitoring, Photo photo) =>
        string.Join('\n', new[] { photo.DetectJobId, photo.RecognizeJobId, photo.AlertJobId }
            .Where(id => id is not null)
            .Select(id => $"job {id}: {JobHistory.Describe(monitoring.JobDetails(id)?.History ?? [])}"));

    /// <summary>The photo once its three jobs exist: the upload answers first and PipelineStarter enqueues them after.</summary>
    public static Task<Photo> WaitForJobsAsync(this AppHost host, long photoId) =>
        host.WaitForPhotoAsync(photoId, p => p is { DetectJobId: not null, RecognizeJobId: not null, AlertJobId: not null }, $"photo {photoId}'s jobs");

    public static Task<Photo> WaitForAllStagesAsync(this AppHost host, long photoId) =>
        host.WaitForPhotoAsync(photoId, p => IsDone(p.DetectStatus) && IsDone(p.RecognizeStatus) && IsDone(p.AlertStatus), $"photo {photoId} to finish all stages");

    public static Task<PersonReference> WaitForEnrolledAsync(this AppHost host, long personId) =>
        Waiting.UntilAsync(async () =>
        {
            var references = await host.Get<IPersonRepository>().ListReferencesAsync(personId);
            return references.FirstOrDefault(r => r.Status is StageStatus.Succeeded or StageStatus.Failed);
        }, Timeout, $"person {personId}'s reference to be enrolled");

    /// <summary>Adds the watched person through the watchlist page and waits until their reference is enrolled.</summary>
    public static async Task<(long PersonId, PersonReference Reference)> EnrollWatchedPersonAsync(this AppHost host, HttpClient client)
    {
        var personId = IdFromRedirect(await client.PostFormAsync(
            "/People", [("Name", Photos.WatchedName), ("RecheckEarlierPhotos", "false")], [Photos.WatchedReference()]));
        return (personId, await host.WaitForEnrolledAsync(personId));
    }

    /// <summary>The id in a redirect to /Photos/{id} or /People/{id}.</summary>
    public static long IdFromRedirect(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found or System.Net.HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }
}
