namespace FaceJobs.Core.Data.Repositories;

/// <summary>Which Hangfire queues are paused. Every worker process reads it every few seconds (FaceJobs.Web: QueueServers).</summary>
public interface IQueuePauseRepository
{
    /// <summary>The paused queues, by name.</summary>
    Task<IReadOnlyList<QueuePause>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Pauses a queue; false when it was paused already (the first pause and its author are kept).</summary>
    Task<bool> PauseAsync(string queueName, string pausedBy, CancellationToken cancellationToken = default);

    /// <summary>Resumes a queue; false when it was not paused.</summary>
    Task<bool> ResumeAsync(string queueName, CancellationToken cancellationToken = default);
}
