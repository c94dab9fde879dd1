namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperAlertRepository(IDbConnectionFactory connections) : IAlertRepository
{
    private const string DeliveryFrom = """
        d.id, d.photo_id, d.face_index, d.person_id, pe.name AS person_name, d.distance, d.recipient, d.status,
        d.attempts, d.last_error, d.message_id, d.updated_at_utc
        FROM alert_deliveries d
        JOIN people pe ON pe.id = d.person_id
        """;

    private const string SelectUnsentMatchesOfPhoto = $"""
        SELECT {DapperMatchRepository.MatchViewFrom}
        WHERE f.photo_id = @PhotoId
          AND NOT EXISTS (SELECT 1 FROM alert_deliveries d
                          WHERE d.photo_id = f.photo_id AND d.face_index = f.face_index
                            AND d.person_id = m.person_id AND d.status = @Sent)
        ORDER BY f.face_index, m.distance;
        """;

    public Task<IReadOnlyList<MatchView>> ListUnsentAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<MatchView>(SelectUnsentMatchesOfPhoto, new { PhotoId = photoId, Sent = AlertStatus.Sent }, cancellationToken);

    private readonly string _upsertSent = connections.Dialect.OnConflict(
        onConflict: $"""
            INSERT INTO alert_deliveries
                (photo_id, face_index, person_id, distance, recipient, status, attempts, message_id, updated_at_utc)
            VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Sent, 1, @MessageId, {connections.Dialect.UtcNow})
            ON CONFLICT (photo_id, face_index, person_id) DO UPDATE SET
                distance = excluded.distance, recipient = excluded.recipient, status = excluded.status,
                attempts = alert_deliveries.attempts + 1, message_id = excluded.message_id,
                updated_at_utc = excluded.updated_at_utc;
            """,
        // HOLDLOCK makes MERGE's match-then-insert atomic: without it two retries can both take the insert branch.
        tSql: """
            MERGE alert_deliveries WITH (HOLDLOCK) AS d
            USING (SELECT @PhotoId AS photo_id, @FaceIndex AS face_index, @PersonId AS person_id) AS s
                ON d.photo_id = s.photo_id AND d.face_index = s.face_index AND d.person_id = s.person_id
            WHEN MATCHED THEN UPDATE SET
                distance = @Distance, recipient = @Recipient, status = @Sent, attempts = d.attempts + 1,
                message_id = @MessageId, updated_at_utc = SYSUTCDATETIME()
            WHEN NOT MATCHED THEN
                INSERT (photo_id, face_index, person_id, distance, recipient, status, attempts, message_id, updated_at_utc)
                VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Sent, 1, @MessageId, SYSUTCDATETIME());
            """);

    public Task RecordSentAsync(MatchView match, string recipient, string messageId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            _upsertSent,
            new { match.PhotoId, match.FaceIndex, match.PersonId, match.Distance, Recipient = recipient, MessageId = messageId, Sent = AlertStatus.Sent },
            cancellationToken);

    // A failure after a successful send (a retried job) must not turn the delivery back into "not sent".
    private readonly string _upsertFailed = connections.Dialect.OnConflict(
        onConflict: $"""
            INSERT INTO alert_deliveries
                (photo_id, face_index, person_id, distance, recipient, status, attempts, last_error, updated_at_utc)
            VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Failed, 1, @Error, {connections.Dialect.UtcNow})
            ON CONFLICT (photo_id, face_index, person_id) DO UPDATE SET
                distance = excluded.distance, recipient = excluded.recipient, status = excluded.status,
                attempts = alert_deliveries.attempts + 1, last_error = excluded.last_error,
                updated_at_utc = excluded.updated_at_utc
            WHERE alert_deliveries.status <> @Sent;
            """,
        tSql: """
            MERGE alert_deliveries WITH (HOLDLOCK) AS d
            USING (SELECT @PhotoId AS photo_id, @FaceIndex AS face_index, @PersonId AS person_id) AS s
                ON d.photo_id = s.photo_id AND d.face_index = s.face_index AND d.person_id = s.person_id
            WHEN MATCHED AND d.status <> @Sent THEN UPDATE SET
                distance = @Distance, recipient = @Recipient, status = @Failed, attempts = d.attempts + 1,
                last_error = @Error, updated_at_utc = SYSUTCDATETIME()
            WHEN NOT MATCHED THEN
                INSERT (photo_id, face_index, person_id, distance, recipient, status, attempts, last_error, updated_at_utc)
                VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Failed, 1, @Error, SYSUTCDATETIME());
            """);

    public Task RecordFailedAsync(MatchView match, string recipient, string error, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            _upsertFailed,
            new
            {
                match.PhotoId,
                match.FaceIndex,
                match.PersonId,
                match.Distance,
                Recipient = recipient,
                Error = error,
                Sent = AlertStatus.Sent,
                Failed = AlertStatus.Failed,
            },
            cancellationToken);

    private readonly string _selectPage = $"""
        SELECT {DeliveryFrom}
        ORDER BY d.updated_at_utc DESC, d.id DESC {connections.Dialect.Page};
        """;

    public Task<IReadOnlyList<AlertDelivery>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<AlertDelivery>(_selectPage, new { Offset = offset, Limit = limit }, cancellationToken);

    private const string SelectDeliveriesOfPhoto = $"""
        SELECT {DeliveryFrom}
        WHERE d.photo_id = @PhotoId ORDER BY d.face_index, d.person_id;
        """;

    public Task<IReadOnlyList<AlertDelivery>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<AlertDelivery>(SelectDeliveriesOfPhoto, new { PhotoId = photoId }, cancellationToken);
}
