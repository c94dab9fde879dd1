using static FaceJobs.Core.Data.Sql.SqlFragments;

namespace FaceJobs.Core.Data.Sql;

/// <summary>
/// The statements SQLite writes differently from SQL Server (new ids, upserts, paging, clock); the rest are in
/// <see cref="PortableSql"/>. Times are ISO-8601 UTC text, so they sort as text.
/// </summary>
internal static class SqliteSql
{
    private const string UtcNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public static readonly SqlStatements Statements = SqlStatements.FromConstants(typeof(SqliteSql));

    // Run inside BEGIN IMMEDIATE, which already holds the database's write lock for the whole migration.
    public const string BeginMigration = $"""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version        TEXT NOT NULL PRIMARY KEY,
            applied_at_utc TEXT NOT NULL DEFAULT ({UtcNow})
        ) STRICT;
        """;

    public const string InsertContentIfMissing = """
        INSERT INTO photo_content (content_hash, bytes) VALUES (@ContentHash, @Content)
        ON CONFLICT (content_hash) DO NOTHING;
        """;

    public const string InsertPhoto = """
        INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length)
        VALUES (@ContentHash, @FileName, @ContentType, @Width, @Height, @ByteLength)
        RETURNING id;
        """;

    public const string SelectPhotoByHash = $"""
        SELECT {PhotoColumns}
        FROM photos p WHERE p.content_hash = @ContentHash ORDER BY p.id LIMIT 1;
        """;

    public const string SelectPhotosPage = $"""
        SELECT {PhotoColumns}
        FROM photos p ORDER BY p.id DESC LIMIT @Limit OFFSET @Offset;
        """;

    public const string InsertMatchIfMissing = """
        INSERT INTO matches (face_id, person_id, distance) VALUES (@FaceId, @PersonId, @Distance)
        ON CONFLICT (face_id, person_id) DO NOTHING;
        """;

    public const string SelectRecentMatchesPage = $"""
        SELECT {MatchViewFrom}
        ORDER BY m.id DESC LIMIT @Limit OFFSET @Offset;
        """;

    public const string InsertPerson = "INSERT INTO people (name, notes) VALUES (@Name, @Notes) RETURNING id;";

    public const string InsertReference = """
        INSERT INTO person_references (person_id, content_hash, file_name) VALUES (@PersonId, @ContentHash, @FileName)
        RETURNING id;
        """;

    public const string UpsertAlertSent = $"""
        INSERT INTO alert_deliveries
            (photo_id, face_index, person_id, distance, recipient, status, attempts, message_id, updated_at_utc)
        VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Sent, 1, @MessageId, {UtcNow})
        ON CONFLICT (photo_id, face_index, person_id) DO UPDATE SET
            distance = excluded.distance, recipient = excluded.recipient, status = excluded.status,
            attempts = alert_deliveries.attempts + 1, message_id = excluded.message_id,
            updated_at_utc = excluded.updated_at_utc;
        """;

    // A failure after a successful send (a retried job) must not turn the delivery back into "not sent".
    public const string UpsertAlertFailed = $"""
        INSERT INTO alert_deliveries
            (photo_id, face_index, person_id, distance, recipient, status, attempts, last_error, updated_at_utc)
        VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Failed, 1, @Error, {UtcNow})
        ON CONFLICT (photo_id, face_index, person_id) DO UPDATE SET
            distance = excluded.distance, recipient = excluded.recipient, status = excluded.status,
            attempts = alert_deliveries.attempts + 1, last_error = excluded.last_error,
            updated_at_utc = excluded.updated_at_utc
        WHERE alert_deliveries.status <> @Sent;
        """;

    public const string SelectAlertDeliveriesPage = $"""
        SELECT {AlertDeliveryFrom}
        ORDER BY d.updated_at_utc DESC, d.id DESC LIMIT @Limit OFFSET @Offset;
        """;
}
