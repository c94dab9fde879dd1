namespace FaceJobs.Core.Jobs;

/// <summary>
/// Hangfire queue names. Inference (detect, recognize) is CPU-bound and gets few workers; alerts wait on SMTP and can
/// have more. Names must be lower case: Hangfire storages compare them as stored.
/// </summary>
public static class JobQueues
{
    public const string Detect = "detect";
    public const string Recognize = "recognize";
    public const string Alerts = "alerts";
    public const string Default = "default";

    public static readonly IReadOnlyList<string> All = [Detect, Recognize, Alerts, Default];
}
