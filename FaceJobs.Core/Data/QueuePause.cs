namespace FaceJobs.Core.Data;

/// <summary>A paused Hangfire queue: its jobs stay enqueued and no worker process takes them until it is resumed.</summary>
public sealed class QueuePause
{
    public required string QueueName { get; init; }

    /// <summary>The name of the account that paused it.</summary>
    public required string PausedBy { get; init; }

    public DateTime PausedAtUtc { get; init; }
}
