using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// Stage hand-off latency from Hangfire's state history: a stage's job Succeeded → its continuation Processing
/// (detect → recognize and recognize → alert), over the given photos.
/// </summary>
internal sealed record HandOffs(Latencies DetectToRecognize, Latencies RecognizeToAlert)
{
    public static async Task<HandOffs> ReadAsync(JobStorage jobs, IPhotoRepository photos, IEnumerable<long> photoIds)
    {
        var detectToRecognize = new Latencies();
        var recognizeToAlert = new Latencies();
        var monitoring = jobs.GetMonitoringApi();
        foreach (var id in photoIds)
        {
            if (await photos.GetAsync(id) is not { DetectJobId: { } detect, RecognizeJobId: { } recognize, AlertJobId: { } alert })
                continue;
            Add(detectToRecognize, monitoring, detect, recognize);
            Add(recognizeToAlert, monitoring, recognize, alert);
        }

        return new HandOffs(detectToRecognize, recognizeToAlert);
    }

    private static void Add(Latencies into, Hangfire.Storage.IMonitoringApi monitoring, string parent, string continuation)
    {
        var succeeded = monitoring.JobDetails(parent)?.History.FirstOrDefault(h => h.StateName == SucceededState.StateName)?.CreatedAt;
        var started = monitoring.JobDetails(continuation)?.History.Where(h => h.StateName == ProcessingState.StateName).Select(h => (DateTime?)h.CreatedAt).Min();
        if (succeeded is not null && started is not null)
            into.Add((started.Value - succeeded.Value).TotalMilliseconds);
    }
}
