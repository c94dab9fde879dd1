using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// Mean time a photo's job spent running, per stage, from the <c>PerformanceDuration</c> Hangfire records with each
/// Succeeded state: set beside the raw run's core time per photo, it tells time spent in the jobs from time spent
/// between them.
/// </summary>
internal sealed record StageTimes(double DetectMilliseconds, double RecognizeMilliseconds, double AlertMilliseconds)
{
    public double TotalMilliseconds => DetectMilliseconds + RecognizeMilliseconds + AlertMilliseconds;

    public static async Task<StageTimes> ReadAsync(JobStorage jobs, IPhotoRepository photos, IReadOnlyList<long> photoIds)
    {
        var monitoring = jobs.GetMonitoringApi();
        double detect = 0, recognize = 0, alert = 0;
        foreach (var id in photoIds)
        {
            if (await photos.GetAsync(id) is not { DetectJobId: { } d, RecognizeJobId: { } r, AlertJobId: { } a })
                continue;
            detect += Duration(monitoring, d);
            recognize += Duration(monitoring, r);
            alert += Duration(monitoring, a);
        }

        var n = Math.Max(1, photoIds.Count);
        return new StageTimes(detect / n, recognize / n, alert / n);
    }

    private static double Duration(Hangfire.Storage.IMonitoringApi monitoring, string jobId)
    {
        var succeeded = monitoring.JobDetails(jobId)?.History.FirstOrDefault(h => h.StateName == SucceededState.StateName);
        return succeeded?.Data.TryGetValue("PerformanceDuration", out var ms) == true
            ? double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }
}
