using static FaceJobs.Core.Data.Sql.SqlFragments;

namespace FaceJobs.Core.Data.Sql;

/// <summary>Every statement in SQL Server's dialect (T-SQL); every one is parsed by a unit test.</summary>
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

    public const string SelectAppliedMigrations = "SELECT version FROM dbo.schema_migrations ORDER BY version;";

    public const string InsertMigration = "INSERT INTO dbo.schema_migrations (version) VALUES (@Version);";

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

    public const string SelectPhotoById = $"SELECT {PhotoColumns} FROM photos p WHERE p.id = @Id;";

    public const string SelectPhotosPage = $"""
        SELECT {PhotoColumns}
        FROM photos p ORDER BY p.id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
        """;

    public const string CountPhotos = "SELECT COUNT(*) FROM photos;";

    public const string SelectPhotoContent = """
        SELECT c.bytes FROM photos p JOIN photo_content c ON c.content_hash = p.content_hash WHERE p.id = @Id;
        """;

    public const string UpdatePhotoJobIds = """
        UPDATE photos SET detect_job_id = @DetectJobId, recognize_job_id = @RecognizeJobId, alert_job_id = @AlertJobId
        WHERE id = @Id;
        """;

    public const string UpdatePhotoStageStatus = $"UPDATE photos SET {PhotoStageStatusAssignments} WHERE id = @Id;";

    public const string SelectPhotoIdsWithEmbeddings =
        "SELECT DISTINCT photo_id FROM faces WHERE embedding IS NOT NULL ORDER BY photo_id;";

    public const string DeleteMatchesOfPhoto =
        "DELETE FROM matches WHERE face_id IN (SELECT id FROM faces WHERE photo_id = @PhotoId);";

    public const string DeleteFacesOfPhoto = "DELETE FROM faces WHERE photo_id = @PhotoId;";

    public const string InsertFace = """
        INSERT INTO faces (photo_id, face_index, x, y, width, height, score, keypoints, thumbnail)
        VALUES (@PhotoId, @FaceIndex, @X, @Y, @Width, @Height, @Score, @Keypoints, @Thumbnail);
        """;

    public const string UpdatePhotoFaceCount = "UPDATE photos SET face_count = @FaceCount WHERE id = @PhotoId;";

    public const string SelectFacesOfPhoto = $"SELECT {FaceColumns} FROM faces WHERE photo_id = @PhotoId ORDER BY face_index;";

    public const string UpdateFaceEmbedding = "UPDATE faces SET embedding = @Embedding WHERE id = @FaceId;";

    public const string SelectFaceEmbeddingsOfPhoto = """
        SELECT id AS face_id, photo_id, face_index, embedding FROM faces
        WHERE photo_id = @PhotoId AND embedding IS NOT NULL ORDER BY face_index;
        """;

    public const string SelectFaceThumbnail = "SELECT thumbnail FROM faces WHERE id = @FaceId;";

    public const string InsertMatch = "INSERT INTO matches (face_id, person_id, distance) VALUES (@FaceId, @PersonId, @Distance);";

    public const string InsertMatchIfMissing = """
        INSERT INTO matches (face_id, person_id, distance)
        SELECT @FaceId, @PersonId, @Distance
        WHERE NOT EXISTS (SELECT 1 FROM matches WITH (UPDLOCK, HOLDLOCK) WHERE face_id = @FaceId AND person_id = @PersonId);
        """;

    public const string SelectMatchesOfPhoto = $"""
        SELECT {MatchViewFrom}
        WHERE f.photo_id = @PhotoId ORDER BY f.face_index, m.distance;
        """;

    public const string SelectRecentMatchesPage = $"""
        SELECT {MatchViewFrom}
        ORDER BY m.id DESC OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
        """;

    public const string InsertPerson = "INSERT INTO people (name, notes) OUTPUT INSERTED.id VALUES (@Name, @Notes);";

    public const string SelectPerson = $"SELECT {PersonColumns} FROM people pe WHERE pe.id = @Id;";

    public const string SelectPeople = $"SELECT {PersonColumns} FROM people pe ORDER BY pe.name, pe.id;";

    public const string DeletePerson = "DELETE FROM people WHERE id = @Id;";

    public const string InsertReference = """
        INSERT INTO person_references (person_id, content_hash, file_name) OUTPUT INSERTED.id
        VALUES (@PersonId, @ContentHash, @FileName);
        """;

    public const string SelectReference = $"SELECT {ReferenceColumns} FROM person_references WHERE id = @Id;";

    public const string SelectReferencesOfPerson =
        $"SELECT {ReferenceColumns} FROM person_references WHERE person_id = @PersonId ORDER BY id;";

    public const string SelectReferenceContent = """
        SELECT c.bytes FROM person_references r JOIN photo_content c ON c.content_hash = r.content_hash WHERE r.id = @Id;
        """;

    public const string SelectReferenceThumbnail = "SELECT thumbnail FROM person_references WHERE id = @Id;";

    public const string UpdateReferenceJobId = "UPDATE person_references SET job_id = @JobId WHERE id = @Id;";

    public const string UpdateReferenceEnrolled = """
        UPDATE person_references SET embedding = @Embedding, thumbnail = @Thumbnail, status = @Status, error = NULL
        WHERE id = @Id;
        """;

    public const string UpdateReferenceStatus = "UPDATE person_references SET status = @Status, error = @Error WHERE id = @Id;";

    public const string SelectReferenceEmbeddings =
        $"SELECT r.id AS reference_id, r.person_id, pe.name AS person_name, r.embedding {ReferenceEmbeddingsWhere};";

    public const string SelectUnsentMatchesOfPhoto = $"""
        SELECT {MatchViewFrom}
        WHERE f.photo_id = @PhotoId
          AND NOT EXISTS (SELECT 1 FROM alert_deliveries d
                          WHERE d.photo_id = f.photo_id AND d.face_index = f.face_index
                            AND d.person_id = m.person_id AND d.status = @Sent)
        ORDER BY f.face_index, m.distance;
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

    public const string SelectAlertDeliveriesOfPhoto = $"""
        SELECT {AlertDeliveryFrom}
        WHERE d.photo_id = @PhotoId ORDER BY d.face_index, d.person_id;
        """;
}
