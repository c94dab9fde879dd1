using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperFaceRepository(IDbConnectionFactory connections) : IFaceRepository
{
    private const string DeleteMatchesOfPhoto = "DELETE FROM matches WHERE face_id IN (SELECT id FROM faces WHERE photo_id = @PhotoId);";

    private const string DeleteFacesOfPhoto = "DELETE FROM faces WHERE photo_id = @PhotoId;";

    private const string InsertFace = """
        INSERT INTO faces (photo_id, face_index, x, y, width, height, score, keypoints, thumbnail)
        VALUES (@PhotoId, @FaceIndex, @X, @Y, @Width, @Height, @Score, @Keypoints, @Thumbnail);
        """;

    private const string UpdateFaceCount = "UPDATE photos SET face_count = @FaceCount WHERE id = @PhotoId;";

    public Task ReplaceFacesAsync(long photoId, IReadOnlyList<NewFace> faces, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            // The photo's row first: its lock makes two runs for one photo (a job delivered twice) take turns, so the
            // second deletes what the first inserted instead of colliding with it (PostgreSQL, SQL Server; SQLite
            // writes one transaction at a time anyway).
            // No row: the photo was deleted, and its faces must not come back.
            if (await connection.ExecuteAsync(new CommandDefinition(
                    UpdateFaceCount, new { PhotoId = photoId, FaceCount = faces.Count }, transaction, cancellationToken: cancellationToken)) == 0)
                return 0;
            // Matches go explicitly rather than by cascade, so the outcome does not depend on foreign-key settings.
            var photo = new { PhotoId = photoId };
            await connection.ExecuteAsync(new CommandDefinition(DeleteMatchesOfPhoto, photo, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(DeleteFacesOfPhoto, photo, transaction, cancellationToken: cancellationToken));
            var rows = faces.Select(face => new
            {
                PhotoId = photoId,
                face.FaceIndex,
                face.X,
                face.Y,
                face.Width,
                face.Height,
                face.Score,
                face.Keypoints,
                face.Thumbnail,
            });
            return await connection.ExecuteAsync(new CommandDefinition(InsertFace, rows, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    private const string SelectFacesOfPhoto = """
        SELECT id, photo_id, face_index, x, y, width, height, score, keypoints, embedding
        FROM faces WHERE photo_id = @PhotoId ORDER BY face_index;
        """;

    public Task<IReadOnlyList<Face>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Face>(SelectFacesOfPhoto, new { PhotoId = photoId }, cancellationToken);

    private const string UpdateEmbedding = "UPDATE faces SET embedding = @Embedding WHERE id = @FaceId;";

    public Task SetEmbeddingAsync(long faceId, byte[] embedding, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdateEmbedding, new { FaceId = faceId, Embedding = embedding }, cancellationToken);

    public Task SetEmbeddingsAsync(IReadOnlyList<NewFaceEmbedding> embeddings, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(UpdateEmbedding, embeddings, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    private const string SelectEmbeddingsOfPhoto = """
        SELECT id AS face_id, photo_id, face_index, embedding FROM faces
        WHERE photo_id = @PhotoId AND embedding IS NOT NULL ORDER BY face_index;
        """;

    public async Task<IReadOnlyList<FaceEmbedding>> ListEmbeddingsAsync(long photoId, CancellationToken cancellationToken = default)
    {
        var rows = await connections.QueryAsync<FaceEmbeddingRow>(SelectEmbeddingsOfPhoto, new { PhotoId = photoId }, cancellationToken);
        return rows.Select(row => new FaceEmbedding(row.FaceId, row.PhotoId, row.FaceIndex, row.Embedding)).ToArray();
    }

    private const string SelectThumbnail = "SELECT thumbnail FROM faces WHERE id = @FaceId;";

    public Task<byte[]?> GetThumbnailAsync(long faceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(SelectThumbnail, new { FaceId = faceId }, cancellationToken);

    // Dapper fills records only through a constructor of exactly the column types, and SQLite returns every integer
    // as Int64; properties are converted.
    private sealed class FaceEmbeddingRow
    {
        public long FaceId { get; init; }
        public long PhotoId { get; init; }
        public int FaceIndex { get; init; }
        public byte[] Embedding { get; init; } = [];
    }
}
