using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperPhotoRepository(IDbConnectionFactory connections) : IPhotoRepository
{
    private readonly Sql.SqlStatements sql = connections.Dialect.Statements;

    public Task<Photo?> FindByHashAsync(string contentHash, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Photo>(sql.SelectPhotoByHash, new { ContentHash = contentHash }, cancellationToken);

    public Task<long> AddAsync(NewPhoto photo, byte[] content, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.InsertContentIfMissing, new { photo.ContentHash, Content = content }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql.InsertPhoto, photo, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task<Photo?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Photo>(sql.SelectPhotoById, new { Id = id }, cancellationToken);

    public Task<IReadOnlyList<Photo>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Photo>(sql.SelectPhotosPage, new { Offset = offset, Limit = limit }, cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(sql.CountPhotos, null, cancellationToken);

    public Task<byte[]?> GetContentAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(sql.SelectPhotoContent, new { Id = photoId }, cancellationToken);

    public Task SetJobIdsAsync(long id, string detectJobId, string recognizeJobId, string alertJobId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(sql.UpdatePhotoJobIds, new { Id = id, DetectJobId = detectJobId, RecognizeJobId = recognizeJobId, AlertJobId = alertJobId }, cancellationToken);

    public Task SetStageStatusAsync(long id, PipelineStage stage, StageStatus status, string? error = null, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(sql.UpdatePhotoStageStatus, new { Id = id, Stage = stage, Status = status, Error = error }, cancellationToken);

    public Task<IReadOnlyList<Photo>> ListWaitingForNextStageAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Photo>(sql.SelectPhotosWaitingForNextStage, null, cancellationToken);

    public Task<IReadOnlyList<long>> ListIdsWithEmbeddingsAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<long>(sql.SelectPhotoIdsWithEmbeddings, null, cancellationToken);
}
