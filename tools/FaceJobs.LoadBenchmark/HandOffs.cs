using FaceJobs.Core.Data.Repositories;
using FaceJobs.Testing;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// Stage hand-off latency from Hangfire's state history: a stage's job Succeeded → its continuation Processing
/// (detect → recognize and recognize → alert), over the given photos.
/// </summary>
internal sealed record HandOffs(Latencies DetectToRecognize, Latencies RecognizeToAlert, IReadOnlyList<string> Slow)
{
    /// <summary>A hand-off longer than this has both jobs' state histories printed, to tell what held it.</summary>
    private static readonly TimeSpan SlowHandOff = TimeSpan.FromSeconds(10);

    public static async Task<HandOffs> ReadAsync(JobStorage jobs, IPhotoRepository photos, IEnumerable<long> photoIds)
    {
        var detectToRecognize = new Latencies();
        var recognizeToAlert = new Latencies();
        var slow = new List<string>();
        var monitoring = jobs.GetMonitoringApi();
        foreach (var id in photoIds)
        {
            if (await photos.GetAsync(id) is not { DetectJobId: { } detect, RecognizeJobId: { } recognize, AlertJobId: { } alert })
                continue;
            Add(detectToRecognize, slow, monitoring, id, detect, recognize);
            Add(recognizeToAlert, slow, monitoring, id, recognize, alert);
        }

        return new HandOffs(detectToRecognize, recognizeToAlert, slow);
    }

    private static void Add(Latencies into, List<string> slow, Hangfire.Storage.IMonitoringApi monitoring, long photoId, string parent, string continuation)
    {
        var parentHistory = monitoring.JobDetails(parent)?.History ?? [];
        var continuationHistory = monitoring.JobDetails(continuation)?.History ?? [];
        var succeeded = parentHistory.FirstOrDefault(h => h.StateName == SucceededState.StateName)?.CreatedAt;
        var started = continuationHistory.Where(h => h.StateName == ProcessingState.StateName).Select(h => (DateTime?)h.CreatedAt).Min();
        if (succeeded is null || started is null)
            return;
        into.Add((started.Value - succeeded.Value).TotalMilliseconds);
        if (started.Value - succeeded.Value > SlowHandOff)
        {
            slow.Add($"photo {photoId}: job {parent} {JobHistory.Describe(parentHistory)}; continuation {continuation} {JobHistory.Describe(continuationHistory)}");
        }
    }
}
