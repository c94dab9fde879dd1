namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperAlertRepository(IDbConnectionFactory connections) : IAlertRepository
{
    private readonly Sql.SqlStatements sql = connections.Dialect.Statements;

    public Task<IReadOnlyList<MatchView>> ListUnsentAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<MatchView>(sql.SelectUnsentMatchesOfPhoto, new { PhotoId = photoId, Sent = AlertStatus.Sent }, cancellationToken);

    public Task RecordSentAsync(MatchView match, string recipient, string messageId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            sql.UpsertAlertSent,
            new { match.PhotoId, match.FaceIndex, match.PersonId, match.Distance, Recipient = recipient, MessageId = messageId, Sent = AlertStatus.Sent },
            cancellationToken);

    public Task RecordFailedAsync(MatchView match, string recipient, string error, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            sql.UpsertAlertFailed,
            new
            {
                match.PhotoId, match.FaceIndex, match.PersonId, match.Distance, Recipient = recipient, Error = error,
                Sent = AlertStatus.Sent, Failed = AlertStatus.Failed,
            },
            cancellationToken);

    public Task<IReadOnlyList<AlertDelivery>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<AlertDelivery>(sql.SelectAlertDeliveriesPage, new { Offset = offset, Limit = limit }, cancellationToken);

    public Task<IReadOnlyList<AlertDelivery>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<AlertDelivery>(sql.SelectAlertDeliveriesOfPhoto, new { PhotoId = photoId }, cancellationToken);
}
