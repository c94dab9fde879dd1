namespace FaceJobs.Core.Data.Sql;

/// <summary>Column lists written the same way in both dialects; only ever composed into const statements.</summary>
internal static class SqlFragments
{
    public const string PhotoColumns = """
        p.id, p.content_hash, p.file_name, p.content_type, p.width, p.height, p.byte_length, p.uploaded_at_utc,
        p.detect_job_id, p.recognize_job_id, p.alert_job_id, p.detect_status, p.recognize_status, p.alert_status,
        p.face_count, p.last_error,
        (SELECT COUNT(*) FROM matches m JOIN faces f ON f.id = m.face_id WHERE f.photo_id = p.id) AS match_count
        """;

    public const string FaceColumns = "id, photo_id, face_index, x, y, width, height, score, keypoints, embedding";

    public const string MatchViewFrom = """
        m.id, m.face_id, f.photo_id, f.face_index, m.person_id, pe.name AS person_name, m.distance, m.created_at_utc
        FROM matches m
        JOIN faces f ON f.id = m.face_id
        JOIN people pe ON pe.id = m.person_id
        """;

    // A reference is ready once enrollment stored its descriptor.
    public const string PersonColumns = """
        pe.id, pe.name, pe.notes, pe.created_at_utc,
        (SELECT COUNT(*) FROM person_references r WHERE r.person_id = pe.id) AS reference_count,
        (SELECT COUNT(*) FROM person_references r WHERE r.person_id = pe.id AND r.embedding IS NOT NULL) AS ready_reference_count
        """;

    public const string ReferenceColumns = "id, person_id, content_hash, file_name, status, job_id, embedding, error, created_at_utc";

    public const string ReferenceEmbeddingsWhere = """
        FROM person_references r
        JOIN people pe ON pe.id = r.person_id
        WHERE r.embedding IS NOT NULL AND (@PersonId IS NULL OR r.person_id = @PersonId)
        ORDER BY r.person_id, r.id
        """;

    public const string AlertDeliveryFrom = """
        d.id, d.photo_id, d.face_index, d.person_id, pe.name AS person_name, d.distance, d.recipient, d.status,
        d.attempts, d.last_error, d.message_id, d.updated_at_utc
        FROM alert_deliveries d
        JOIN people pe ON pe.id = d.person_id
        """;

    public const string PhotoStageStatusAssignments = """
        detect_status = CASE WHEN @Stage = 0 THEN @Status ELSE detect_status END,
        recognize_status = CASE WHEN @Stage = 1 THEN @Status ELSE recognize_status END,
        alert_status = CASE WHEN @Stage = 2 THEN @Status ELSE alert_status END,
        last_error = COALESCE(@Error, last_error)
        """;
}
