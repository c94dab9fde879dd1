using Hangfire.Storage.Monitoring;

namespace FaceJobs.Testing;

/// <summary>A Hangfire job's state history on one line, oldest first, for a message about a job that took too long.</summary>
public static class JobHistory
{
    public static string Describe(IEnumerable<StateHistoryDto> history) =>
        string.Join(", ", history.OrderBy(h => h.CreatedAt).Select(h =>
            $"{h.StateName} {h.CreatedAt:HH:mm:ss.fff}{(h.Reason is null ? "" : $" ({h.Reason})")}" +
            (h.Data is { } data && data.TryGetValue("ServerId", out var server) ? $" on {server}" : "")));
}
