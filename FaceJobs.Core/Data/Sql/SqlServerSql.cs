using static FaceJobs.Core.Data.Sql.SqlFragments;

namespace FaceJobs.Core.Data.Sql;

/// <summary>
/// The statements T-SQL writes differently from SQLite (new ids, upserts, paging, clock); the rest are in
/// <see cref="PortableSql"/>. Unit tests parse every one and check its names against the migrations.
/// </summary>
internal static class SqlServerSql
{
    public static readonly SqlStatements Statements = SqlStatements.FromConstants(typeof(SqlServerSql));

    // Run inside the migration's transaction; the app lock serialises processes that start at the same time.
    public const string BeginMigration = """
        DECLARE @lock int;
        EXEC @lock = sp_getapplock @Resource = N'FaceJobs.SchemaMigrations', @LockMode = N'Exclusive',
            @LockOwner = N'Transaction', @LockTimeout = 60000;
        IF @lock < 0
            THROW 51000, N'Timed out waiting for another process to finish the FaceJobs migrations.', 1;
        IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
            CREATE TABLE dbo.schema_migrations (
                version        nvarchar(200) NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
                applied_at_utc datetime2(3)  NOT NULL CONSTRAINT df_schema_migrations_applied DEFAULT SYSUTCDATETIME()
            );
        """;

    // UPDLOCK, HOLDLOCK keeps the key range locked from the check to the insert, so two uploads of the same bytes
    // cannot both insert.
    public const string InsertContentIfMissing = """
        INSERT INTO photo_content (content_hash, bytes)
        SELECT @ContentHash, @Content
        WHERE NOT EXISTS (SELECT 1 FROM photo_content WITH (UPDLOCK, HOLDLOCK) WHERE content_hash = @ContentHash);
        """;

    public const string InsertPhoto = """
        INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length)
        OUTPUT INSERTED.id
        VALUES (@ContentHash, @FileName, @ContentType, @Width, @Height, @ByteLength);
        """;

    public const string SelectPhotoByHash = $"""
        SELECT TOP (1) {PhotoColumns}
        FROM photos p WHERE p.content_hash = @ContentHash ORDER BY p.id;
        """;

    public const string SelectPhotosPage = $"""
        SELECT {PhotoColumns}
        FROM photos p ORDER BY p.id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
        """;

    public const string InsertMatchIfMissing = """
        INSERT INTO matches (face_id, person_id, distance)
        SELECT @FaceId, @PersonId, @Distance
        WHERE NOT EXISTS (SELECT 1 FROM matches WITH (UPDLOCK, HOLDLOCK) WHERE face_id = @FaceId AND person_id = @PersonId);
        """;

    public const string SelectRecentMatchesPage = $"""
        SELECT {MatchViewFrom}
        ORDER BY m.id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
        """;

    public const string InsertPerson = "INSERT INTO people (name, notes) OUTPUT INSERTED.id VALUES (@Name, @Notes);";

    public const string InsertReference = """
        INSERT INTO person_references (person_id, content_hash, file_name) OUTPUT INSERTED.id
        VALUES (@PersonId, @ContentHash, @FileName);
        """;

    // HOLDLOCK makes MERGE's match-then-insert atomic: without it two retries can both take the insert branch.
    public const string UpsertAlertSent = """
        MERGE alert_deliveries WITH (HOLDLOCK) AS d
        USING (SELECT @PhotoId AS photo_id, @FaceIndex AS face_index, @PersonId AS person_id) AS s
            ON d.photo_id = s.photo_id AND d.face_index = s.face_index AND d.person_id = s.person_id
        WHEN MATCHED THEN UPDATE SET
            distance = @Distance, recipient = @Recipient, status = @Sent, attempts = d.attempts + 1,
            message_id = @MessageId, updated_at_utc = SYSUTCDATETIME()
        WHEN NOT MATCHED THEN
            INSERT (photo_id, face_index, person_id, distance, recipient, status, attempts, message_id, updated_at_utc)
            VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Sent, 1, @MessageId, SYSUTCDATETIME());
        """;

    // A failure after a successful send (a retried job) must not turn the delivery back into "not sent".
    public const string UpsertAlertFailed = """
        MERGE alert_deliveries WITH (HOLDLOCK) AS d
        USING (SELECT @PhotoId AS photo_id, @FaceIndex AS face_index, @PersonId AS person_id) AS s
            ON d.photo_id = s.photo_id AND d.face_index = s.face_index AND d.person_id = s.person_id
        WHEN MATCHED AND d.status <> @Sent THEN UPDATE SET
            distance = @Distance, recipient = @Recipient, status = @Failed, attempts = d.attempts + 1,
            last_error = @Error, updated_at_utc = SYSUTCDATETIME()
        WHEN NOT MATCHED THEN
            INSERT (photo_id, face_index, person_id, distance, recipient, status, attempts, last_error, updated_at_utc)
            VALUES (@PhotoId, @FaceIndex, @PersonId, @Distance, @Recipient, @Failed, 1, @Error, SYSUTCDATETIME());
        """;

    public const string SelectAlertDeliveriesPage = $"""
        SELECT {AlertDeliveryFrom}
        ORDER BY d.updated_at_utc DESC, d.id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
        """;
}
