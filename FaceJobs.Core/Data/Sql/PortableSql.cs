using static FaceJobs.Core.Data.Sql.SqlFragments;

namespace FaceJobs.Core.Data.Sql;

/// <summary>
/// Statements written the same way in SQLite and T-SQL. Only what differs lives in <see cref="SqliteSql"/> and
/// <see cref="SqlServerSql"/>; tests parse these as T-SQL and have SQLite compile them.
/// </summary>
internal static class PortableSql
{
    public const string SelectAppliedMigrations = "SELECT version FROM schema_migrations ORDER BY version;";

    public const string InsertMigration = "INSERT INTO schema_migrations (version) VALUES (@Version);";

    public const string SelectPhotoById = $"SELECT {PhotoColumns} FROM photos p WHERE p.id = @Id;";

    public const string CountPhotos = "SELECT COUNT(*) FROM photos;";

    public const string SelectPhotoContent = """
        SELECT c.bytes FROM photos p JOIN photo_content c ON c.content_hash = p.content_hash WHERE p.id = @Id;
        """;

    public const string UpdatePhotoJobIds = """
        UPDATE photos SET detect_job_id = @DetectJobId, recognize_job_id = @RecognizeJobId, alert_job_id = @AlertJobId
        WHERE id = @Id;
        """;

    public const string UpdatePhotoStageStatus = $"UPDATE photos SET {PhotoStageStatusAssignments} WHERE id = @Id;";

    // Detect done but recognize not started, or recognize done but alert not started (statuses: 0 Pending,
    // 2 Succeeded, 4 Skipped).
    public const string SelectPhotosWaitingForNextStage = $"""
        SELECT {PhotoColumns} FROM photos p
        WHERE (p.detect_status = 2 AND p.recognize_status = 0 AND p.recognize_job_id IS NOT NULL)
           OR (p.recognize_status IN (2, 4) AND p.alert_status = 0 AND p.alert_job_id IS NOT NULL)
        ORDER BY p.id;
        """;

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

    public const string SelectMatchesOfPhoto = $"""
        SELECT {MatchViewFrom}
        WHERE f.photo_id = @PhotoId ORDER BY f.face_index, m.distance;
        """;

    public const string SelectPerson = $"SELECT {PersonColumns} FROM people pe WHERE pe.id = @Id;";

    public const string SelectPeople = $"SELECT {PersonColumns} FROM people pe ORDER BY pe.name, pe.id;";

    public const string DeletePerson = "DELETE FROM people WHERE id = @Id;";

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

    public const string SelectAlertDeliveriesOfPhoto = $"""
        SELECT {AlertDeliveryFrom}
        WHERE d.photo_id = @PhotoId ORDER BY d.face_index, d.person_id;
        """;
}
