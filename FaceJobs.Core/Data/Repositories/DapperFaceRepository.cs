using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperFaceRepository(IDbConnectionFactory connections) : IFaceRepository
{
    private readonly Sql.SqlStatements sql = connections.Dialect.Statements;

    public Task ReplaceFacesAsync(long photoId, IReadOnlyList<NewFace> faces, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            // Matches go explicitly rather than by cascade, so the outcome does not depend on foreign-key settings.
            var photo = new { PhotoId = photoId };
            await connection.ExecuteAsync(new CommandDefinition(sql.DeleteMatchesOfPhoto, photo, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(sql.DeleteFacesOfPhoto, photo, transaction, cancellationToken: cancellationToken));
            var rows = faces.Select(face => new
            {
                PhotoId = photoId, face.FaceIndex, face.X, face.Y, face.Width, face.Height, face.Score, face.Keypoints, face.Thumbnail,
            });
            await connection.ExecuteAsync(new CommandDefinition(sql.InsertFace, rows, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteAsync(new CommandDefinition(
                sql.UpdatePhotoFaceCount, new { PhotoId = photoId, FaceCount = faces.Count }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task<IReadOnlyList<Face>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Face>(sql.SelectFacesOfPhoto, new { PhotoId = photoId }, cancellationToken);

    public Task SetEmbeddingAsync(long faceId, byte[] embedding, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(sql.UpdateFaceEmbedding, new { FaceId = faceId, Embedding = embedding }, cancellationToken);

    public async Task<IReadOnlyList<FaceEmbedding>> ListEmbeddingsAsync(long photoId, CancellationToken cancellationToken = default)
    {
        var rows = await connections.QueryAsync<FaceEmbeddingRow>(sql.SelectFaceEmbeddingsOfPhoto, new { PhotoId = photoId }, cancellationToken);
        return rows.Select(row => new FaceEmbedding(row.FaceId, row.PhotoId, row.FaceIndex, row.Embedding)).ToArray();
    }

    public Task<byte[]?> GetThumbnailAsync(long faceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(sql.SelectFaceThumbnail, new { FaceId = faceId }, cancellationToken);

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
