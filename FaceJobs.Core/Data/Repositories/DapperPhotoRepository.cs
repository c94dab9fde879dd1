using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperPhotoRepository(IDbConnectionFactory connections) : IPhotoRepository
{
    // Every photo query reads these, with the number of matches of its faces.
    private const string PhotoColumns = """
        p.id, p.content_hash, p.file_name, p.content_type, p.width, p.height, p.byte_length, p.uploaded_at_utc,
        p.detect_job_id, p.recognize_job_id, p.alert_job_id, p.detect_status, p.recognize_status, p.alert_status,
        p.face_count, p.last_error,
        (SELECT COUNT(*) FROM matches m JOIN faces f ON f.id = m.face_id WHERE f.photo_id = p.id) AS match_count
        """;

    private const string SelectByHash = $"SELECT {PhotoColumns} FROM photos p WHERE p.content_hash = @ContentHash;";

    public Task<Photo?> FindByHashAsync(string contentHash, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Photo>(SelectByHash, new { ContentHash = contentHash }, cancellationToken);

    private readonly string _insertContentIfMissing = InsertContentIfMissing(connections.Dialect);

    // Returns the new id, or no row when a photo of these bytes exists (ux_photos_content_hash).
    private readonly string _insertIfMissing = connections.Dialect.OnConflict(
        onConflict: """
            INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length)
            VALUES (@ContentHash, @FileName, @ContentType, @Width, @Height, @ByteLength)
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id;
            """,
        tSql: """
            INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length)
            OUTPUT INSERTED.id
            SELECT @ContentHash, @FileName, @ContentType, @Width, @Height, @ByteLength
            WHERE NOT EXISTS (SELECT 1 FROM photos WITH (UPDLOCK, HOLDLOCK) WHERE content_hash = @ContentHash);
            """);

    private const string SelectIdByHash = "SELECT id FROM photos WHERE content_hash = @ContentHash;";

    public Task<StoredPhoto> AddAsync(NewPhoto photo, byte[] content, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _insertContentIfMissing, new { photo.ContentHash, Content = content }, transaction, cancellationToken: cancellationToken));
            var added = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(_insertIfMissing, photo, transaction, cancellationToken: cancellationToken));
            if (added is { } id)
                return new StoredPhoto(id, IsNew: true);

            // The other insert has committed: ON CONFLICT and the key-range lock both wait for it.
            return new StoredPhoto(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SelectIdByHash, new { photo.ContentHash }, transaction, cancellationToken: cancellationToken)), IsNew: false);
        }, cancellationToken);

    /// <summary>Stores bytes under their hash unless they are stored already (photos and references share them).</summary>
    internal static string InsertContentIfMissing(SqlDialect dialect) => dialect.OnConflict(
        onConflict: """
            INSERT INTO photo_content (content_hash, bytes) VALUES (@ContentHash, @Content)
            ON CONFLICT (content_hash) DO NOTHING;
            """,
        // UPDLOCK, HOLDLOCK keeps the key range locked from the check to the insert, so two uploads of the same
        // bytes cannot both insert.
        tSql: """
            INSERT INTO photo_content (content_hash, bytes)
            SELECT @ContentHash, @Content
            WHERE NOT EXISTS (SELECT 1 FROM photo_content WITH (UPDLOCK, HOLDLOCK) WHERE content_hash = @ContentHash);
            """);

    private const string SelectById = $"SELECT {PhotoColumns} FROM photos p WHERE p.id = @Id;";

    public Task<Photo?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Photo>(SelectById, new { Id = id }, cancellationToken);

    private readonly string _selectPage = $"""
        SELECT {PhotoColumns}
        FROM photos p ORDER BY p.id DESC {connections.Dialect.Page};
        """;

    public Task<IReadOnlyList<Photo>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Photo>(_selectPage, new { Offset = offset, Limit = limit }, cancellationToken);

    private const string Count = "SELECT COUNT(*) FROM photos;";

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(Count, null, cancellationToken);

    private const string SelectContent = """
        SELECT c.bytes FROM photos p JOIN photo_content c ON c.content_hash = p.content_hash WHERE p.id = @Id;
        """;

    public Task<byte[]?> GetContentAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(SelectContent, new { Id = photoId }, cancellationToken);

    private const string UpdateJobIds = """
        UPDATE photos SET detect_job_id = @DetectJobId, recognize_job_id = @RecognizeJobId, alert_job_id = @AlertJobId
        WHERE id = @Id;
        """;

    public Task SetJobIdsAsync(long id, string detectJobId, string recognizeJobId, string alertJobId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdateJobIds, new { Id = id, DetectJobId = detectJobId, RecognizeJobId = recognizeJobId, AlertJobId = alertJobId }, cancellationToken);

    private const string UpdateDetectStatus =
        "UPDATE photos SET detect_status = @Status, last_error = COALESCE(@Error, last_error) WHERE id = @Id;";

    private const string UpdateRecognizeStatus =
        "UPDATE photos SET recognize_status = @Status, last_error = COALESCE(@Error, last_error) WHERE id = @Id;";

    private const string UpdateAlertStatus =
        "UPDATE photos SET alert_status = @Status, last_error = COALESCE(@Error, last_error) WHERE id = @Id;";

    public Task SetStageStatusAsync(long id, PipelineStage stage, StageStatus status, string? error = null, CancellationToken cancellationToken = default)
    {
        var sql = stage switch
        {
            PipelineStage.Detect => UpdateDetectStatus,
            PipelineStage.Recognize => UpdateRecognizeStatus,
            PipelineStage.Alert => UpdateAlertStatus,
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown pipeline stage."),
        };
        return connections.ExecuteAsync(sql, new { Id = id, Status = status, Error = error }, cancellationToken);
    }

    // Detect done but recognize not started, or recognize done (or skipped) but alert not started.
    private const string SelectWaitingForNextStage = $"""
        SELECT {PhotoColumns} FROM photos p
        WHERE (p.detect_status = @Succeeded AND p.recognize_status = @Pending AND p.recognize_job_id IS NOT NULL)
           OR (p.recognize_status IN (@Succeeded, @Skipped) AND p.alert_status = @Pending AND p.alert_job_id IS NOT NULL)
        ORDER BY p.id;
        """;

    public Task<IReadOnlyList<Photo>> ListWaitingForNextStageAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Photo>(
            SelectWaitingForNextStage,
            new { Pending = StageStatus.Pending, Succeeded = StageStatus.Succeeded, Skipped = StageStatus.Skipped },
            cancellationToken);

    private const string SelectUnscheduled = $"""
        SELECT {PhotoColumns} FROM photos p
        WHERE p.alert_job_id IS NULL AND p.alert_status = @Pending
        ORDER BY p.id;
        """;

    public Task<IReadOnlyList<Photo>> ListUnscheduledAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Photo>(SelectUnscheduled, new { Pending = StageStatus.Pending }, cancellationToken);

    private const string CountById = "SELECT COUNT(*) FROM photos WHERE id = @Id;";

    public async Task<bool> ExistsAsync(long id, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(CountById, new { Id = id }, cancellationToken) > 0;

    // Locks the photo's row first, as ReplaceFacesAsync does: a detection storing faces at this moment finishes
    // before the delete or finds the photo gone, and never leaves faces of a deleted photo behind.
    private const string LockPhoto = "UPDATE photos SET face_count = face_count WHERE id = @Id;";

    private const string DeleteMatchesOfPhoto = "DELETE FROM matches WHERE face_id IN (SELECT id FROM faces WHERE photo_id = @Id);";

    private const string DeleteAlertDeliveriesOfPhoto = "DELETE FROM alert_deliveries WHERE photo_id = @Id;";

    private const string DeleteFacesOfPhoto = "DELETE FROM faces WHERE photo_id = @Id;";

    private const string DeletePhoto = "DELETE FROM photos WHERE id = @Id;";

    // Explicit deletes rather than cascades, so the outcome does not depend on foreign-key settings.
    public Task<Photo?> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            var photoId = new { Id = id };
            if (await connection.ExecuteAsync(new CommandDefinition(LockPhoto, photoId, transaction, cancellationToken: cancellationToken)) == 0)
                return null;

            var photo = await connection.QuerySingleAsync<Photo>(new CommandDefinition(SelectById, photoId, transaction, cancellationToken: cancellationToken));
            foreach (var delete in new[] { DeleteMatchesOfPhoto, DeleteAlertDeliveriesOfPhoto, DeleteFacesOfPhoto, DeletePhoto })
                await connection.ExecuteAsync(new CommandDefinition(delete, photoId, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                DeleteContentIfUnused, new { photo.ContentHash }, transaction, cancellationToken: cancellationToken));
            return photo;
        }, cancellationToken);

    /// <summary>Deletes stored bytes that no photo and no reference uses any more (photos and references share them).</summary>
    internal const string DeleteContentIfUnused = """
        DELETE FROM photo_content
        WHERE content_hash = @ContentHash
          AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.content_hash = @ContentHash)
          AND NOT EXISTS (SELECT 1 FROM person_references r WHERE r.content_hash = @ContentHash);
        """;

    private readonly string _selectIdsUploadedBefore = $"""
        SELECT p.id FROM photos p
        WHERE p.uploaded_at_utc < {connections.Dialect.UtcDaysAgo("@Days")}
        ORDER BY p.id {connections.Dialect.Page};
        """;

    public Task<IReadOnlyList<long>> ListIdsUploadedMoreThanDaysAgoAsync(int days, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<long>(_selectIdsUploadedBefore, new { Days = days, Offset = 0, Limit = limit }, cancellationToken);

    private const string SelectIdsWithEmbeddings = "SELECT DISTINCT photo_id FROM faces WHERE embedding IS NOT NULL ORDER BY photo_id;";

    public Task<IReadOnlyList<long>> ListIdsWithEmbeddingsAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<long>(SelectIdsWithEmbeddings, null, cancellationToken);
}
