namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperQueuePauseRepository(IDbConnectionFactory connections) : IQueuePauseRepository
{
    private const string SelectPauses = "SELECT queue_name, paused_by, paused_at_utc FROM queue_pauses ORDER BY queue_name;";

    public Task<IReadOnlyList<QueuePause>> ListAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<QueuePause>(SelectPauses, null, cancellationToken);

    private readonly string _insertPause = connections.Dialect.OnConflict(
        onConflict: """
            INSERT INTO queue_pauses (queue_name, paused_by) VALUES (@QueueName, @PausedBy)
            ON CONFLICT (queue_name) DO NOTHING;
            """,
        // UPDLOCK, HOLDLOCK keeps the key locked from the check to the insert, so two operators pausing at once
        // do not meet a key violation.
        tSql: """
            INSERT INTO queue_pauses (queue_name, paused_by)
            SELECT @QueueName, @PausedBy
            WHERE NOT EXISTS (SELECT 1 FROM queue_pauses WITH (UPDLOCK, HOLDLOCK) WHERE queue_name = @QueueName);
            """);

    public async Task<bool> PauseAsync(string queueName, string pausedBy, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync(_insertPause, new { QueueName = queueName, PausedBy = pausedBy }, cancellationToken) > 0;

    private const string DeletePause = "DELETE FROM queue_pauses WHERE queue_name = @QueueName;";

    public async Task<bool> ResumeAsync(string queueName, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync(DeletePause, new { QueueName = queueName }, cancellationToken) > 0;
}
