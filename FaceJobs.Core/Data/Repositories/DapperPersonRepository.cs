using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperPersonRepository(IDbConnectionFactory connections) : IPersonRepository
{
    private readonly Sql.SqlStatements sql = connections.Dialect.Statements;

    public async Task<long> AddPersonAsync(string name, string? notes, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<long>(sql.InsertPerson, new { Name = name, Notes = notes }, cancellationToken);

    public Task<Person?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Person>(sql.SelectPerson, new { Id = id }, cancellationToken);

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Person>(sql.SelectPeople, null, cancellationToken);

    // References, matches and alert deliveries go by ON DELETE CASCADE (one cascade path each, valid on SQL Server).
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        await connections.ExecuteAsync(sql.DeletePerson, new { Id = id }, cancellationToken) > 0;

    public Task<long> AddReferenceAsync(long personId, string contentHash, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.InsertContentIfMissing, new { ContentHash = contentHash, Content = content }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql.InsertReference, new { PersonId = personId, ContentHash = contentHash, FileName = fileName }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task<PersonReference?> GetReferenceAsync(long referenceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<PersonReference>(sql.SelectReference, new { Id = referenceId }, cancellationToken);

    public Task<IReadOnlyList<PersonReference>> ListReferencesAsync(long personId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<PersonReference>(sql.SelectReferencesOfPerson, new { PersonId = personId }, cancellationToken);

    public Task<byte[]?> GetReferenceContentAsync(long referenceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(sql.SelectReferenceContent, new { Id = referenceId }, cancellationToken);

    public Task<byte[]?> GetReferenceThumbnailAsync(long referenceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(sql.SelectReferenceThumbnail, new { Id = referenceId }, cancellationToken);

    public Task SetReferenceJobIdAsync(long referenceId, string jobId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(sql.UpdateReferenceJobId, new { Id = referenceId, JobId = jobId }, cancellationToken);

    public Task SetReferenceEnrolledAsync(long referenceId, byte[] embedding, byte[] thumbnail, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(
            sql.UpdateReferenceEnrolled,
            new { Id = referenceId, Embedding = embedding, Thumbnail = thumbnail, Status = StageStatus.Succeeded },
            cancellationToken);

    public Task SetReferenceStatusAsync(long referenceId, StageStatus status, string? error, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(sql.UpdateReferenceStatus, new { Id = referenceId, Status = status, Error = error }, cancellationToken);

    public async Task<IReadOnlyList<ReferenceEmbedding>> ListReferenceEmbeddingsAsync(long? personId = null, CancellationToken cancellationToken = default)
    {
        var rows = await connections.QueryAsync<ReferenceEmbeddingRow>(sql.SelectReferenceEmbeddings, new { PersonId = personId }, cancellationToken);
        return rows.Select(row => new ReferenceEmbedding(row.ReferenceId, row.PersonId, row.PersonName, row.Embedding)).ToArray();
    }

    // See DapperFaceRepository.FaceEmbeddingRow: records need exact column types, which SQLite does not give.
    private sealed class ReferenceEmbeddingRow
    {
        public long ReferenceId { get; init; }
        public long PersonId { get; init; }
        public string PersonName { get; init; } = "";
        public byte[] Embedding { get; init; } = [];
    }
}
