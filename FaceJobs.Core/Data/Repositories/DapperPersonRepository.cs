using System.Data.Common;
using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperPersonRepository(IDbConnectionFactory connections) : IPersonRepository
{
    // A reference is ready once enrollment stored its descriptor.
    private const string PersonColumns = """
        pe.id, pe.name, pe.notes, pe.created_at_utc,
        (SELECT COUNT(*) FROM person_references r WHERE r.person_id = pe.id) AS reference_count,
        (SELECT COUNT(*) FROM person_references r WHERE r.person_id = pe.id AND r.embedding IS NOT NULL) AS ready_reference_count
        """;

    private readonly string _insertPerson = $"INSERT INTO people (name, notes) VALUES (@Name, @Notes) {connections.Dialect.ReturningId};";

    public async Task<long> AddPersonAsync(string name, string? notes, CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<long>(_insertPerson, new { Name = name, Notes = notes }, cancellationToken);

    private const string SelectPerson = $"SELECT {PersonColumns} FROM people pe WHERE pe.id = @Id;";

    public Task<Person?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<Person>(SelectPerson, new { Id = id }, cancellationToken);

    private const string SelectPeople = $"SELECT {PersonColumns} FROM people pe ORDER BY pe.name, pe.id;";

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken = default) =>
        connections.QueryAsync<Person>(SelectPeople, null, cancellationToken);

    private const string SelectReferenceHashesOfPerson = "SELECT DISTINCT content_hash FROM person_references WHERE person_id = @Id;";

    private const string DeletePerson = "DELETE FROM people WHERE id = @Id;";

    // References, matches and alert deliveries go by ON DELETE CASCADE (one cascade path each, valid on SQL Server);
    // then the references' bytes, unless a photo or another person's reference has the same bytes.
    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            var person = new { Id = id };
            var hashes = (await connection.QueryAsync<string>(new CommandDefinition(
                SelectReferenceHashesOfPerson, person, transaction, cancellationToken: cancellationToken))).AsList();
            var deleted = await connection.ExecuteAsync(new CommandDefinition(DeletePerson, person, transaction, cancellationToken: cancellationToken));
            if (deleted == 0)
                return false;

            await connection.ExecuteAsync(new CommandDefinition(
                DapperPhotoRepository.DeleteContentIfUnused,
                hashes.Select(hash => new { ContentHash = hash }),
                transaction,
                cancellationToken: cancellationToken));
            await BumpWatchlistVersionAsync(connection, transaction, cancellationToken);
            return true;
        }, cancellationToken);

    private readonly string _insertContentIfMissing = DapperPhotoRepository.InsertContentIfMissing(connections.Dialect);

    private readonly string _insertReference = $"""
        INSERT INTO person_references (person_id, content_hash, file_name) VALUES (@PersonId, @ContentHash, @FileName)
        {connections.Dialect.ReturningId};
        """;

    public Task<long> AddReferenceAsync(long personId, string contentHash, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _insertContentIfMissing, new { ContentHash = contentHash, Content = content }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                _insertReference, new { PersonId = personId, ContentHash = contentHash, FileName = fileName }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    private const string SelectReferencesOfPerson = """
        SELECT id, person_id, content_hash, file_name, status, job_id, embedding, error, created_at_utc
        FROM person_references WHERE person_id = @PersonId ORDER BY id;
        """;

    public Task<IReadOnlyList<PersonReference>> ListReferencesAsync(long personId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<PersonReference>(SelectReferencesOfPerson, new { PersonId = personId }, cancellationToken);

    private const string SelectReferenceContent = """
        SELECT c.bytes FROM person_references r JOIN photo_content c ON c.content_hash = r.content_hash WHERE r.id = @Id;
        """;

    public Task<byte[]?> GetReferenceContentAsync(long referenceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(SelectReferenceContent, new { Id = referenceId }, cancellationToken);

    private const string SelectReferenceThumbnail = "SELECT thumbnail FROM person_references WHERE id = @Id;";

    public Task<byte[]?> GetReferenceThumbnailAsync(long referenceId, CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<byte[]>(SelectReferenceThumbnail, new { Id = referenceId }, cancellationToken);

    private const string UpdateReferenceJobId = "UPDATE person_references SET job_id = @JobId WHERE id = @Id;";

    public Task SetReferenceJobIdAsync(long referenceId, string jobId, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdateReferenceJobId, new { Id = referenceId, JobId = jobId }, cancellationToken);

    private const string UpdateReferenceEnrolled = """
        UPDATE person_references SET embedding = @Embedding, thumbnail = @Thumbnail, status = @Status, error = NULL
        WHERE id = @Id;
        """;

    public Task SetReferenceEnrolledAsync(long referenceId, byte[] embedding, byte[] thumbnail, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                UpdateReferenceEnrolled,
                new { Id = referenceId, Embedding = embedding, Thumbnail = thumbnail, Status = StageStatus.Succeeded },
                transaction,
                cancellationToken: cancellationToken));
            return await BumpWatchlistVersionAsync(connection, transaction, cancellationToken);
        }, cancellationToken);

    private const string UpdateReferenceStatus = "UPDATE person_references SET status = @Status, error = @Error WHERE id = @Id;";

    public Task SetReferenceStatusAsync(long referenceId, StageStatus status, string? error, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(UpdateReferenceStatus, new { Id = referenceId, Status = status, Error = error }, cancellationToken);

    private const string SelectReferenceEmbeddings = """
        SELECT r.id AS reference_id, r.person_id, pe.name AS person_name, r.embedding
        FROM person_references r
        JOIN people pe ON pe.id = r.person_id
        WHERE r.embedding IS NOT NULL AND (@PersonId IS NULL OR r.person_id = @PersonId)
        ORDER BY r.person_id, r.id;
        """;

    public async Task<IReadOnlyList<ReferenceEmbedding>> ListReferenceEmbeddingsAsync(long? personId = null, CancellationToken cancellationToken = default)
    {
        var rows = await connections.QueryAsync<ReferenceEmbeddingRow>(SelectReferenceEmbeddings, new { PersonId = personId }, cancellationToken);
        return rows.Select(row => new ReferenceEmbedding(row.ReferenceId, row.PersonId, row.PersonName, row.Embedding)).ToArray();
    }

    private const string SelectWatchlistVersion = "SELECT version FROM watchlist_version WHERE id = 1;";

    public Task<long> GetWatchlistVersionAsync(CancellationToken cancellationToken = default) =>
        connections.QuerySingleOrDefaultAsync<long>(SelectWatchlistVersion, null, cancellationToken);

    private const string BumpWatchlistVersion = "UPDATE watchlist_version SET version = version + 1 WHERE id = 1;";

    // Every change to the enrolled set goes through here, in the transaction that makes it (see WatchlistIndex).
    private static Task<int> BumpWatchlistVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(BumpWatchlistVersion, null, transaction, cancellationToken: cancellationToken));

    // See DapperFaceRepository.FaceEmbeddingRow: records need exact column types, which SQLite does not give.
    private sealed class ReferenceEmbeddingRow
    {
        public long ReferenceId { get; init; }
        public long PersonId { get; init; }
        public string PersonName { get; init; } = "";
        public byte[] Embedding { get; init; } = [];
    }
}
