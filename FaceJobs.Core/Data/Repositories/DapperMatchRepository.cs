using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperMatchRepository(IDbConnectionFactory connections) : IMatchRepository
{
    /// <summary>A match with its photo, face index and person's name; the alert repository reads the same.</summary>
    internal const string MatchViewFrom = """
        m.id, m.face_id, f.photo_id, f.face_index, m.person_id, pe.name AS person_name, m.distance, m.created_at_utc
        FROM matches m
        JOIN faces f ON f.id = m.face_id
        JOIN people pe ON pe.id = m.person_id
        """;

    private const string DeleteMatchesOfPhoto = "DELETE FROM matches WHERE face_id IN (SELECT id FROM faces WHERE photo_id = @PhotoId);";

    private readonly string _insertMatchIfMissing = connections.Dialect.OnConflict(
        onConflict: """
            INSERT INTO matches (face_id, person_id, distance) VALUES (@FaceId, @PersonId, @Distance)
            ON CONFLICT (face_id, person_id) DO NOTHING;
            """,
        tSql: """
            INSERT INTO matches (face_id, person_id, distance)
            SELECT @FaceId, @PersonId, @Distance
            WHERE NOT EXISTS (SELECT 1 FROM matches WITH (UPDLOCK, HOLDLOCK) WHERE face_id = @FaceId AND person_id = @PersonId);
            """);

    // Insert-if-missing here too: a watchlist re-check (AddMissingAsync) or a second run for the same photo may add
    // the same (face, person) between this delete and this insert.
    public Task ReplaceForPhotoAsync(long photoId, IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                DeleteMatchesOfPhoto, new { PhotoId = photoId }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteAsync(new CommandDefinition(_insertMatchIfMissing, matches, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task AddMissingAsync(IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                _insertMatchIfMissing, matches, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    private const string SelectMatchesOfPhoto = $"""
        SELECT {MatchViewFrom}
        WHERE f.photo_id = @PhotoId ORDER BY f.face_index, m.distance;
        """;

    public Task<IReadOnlyList<MatchView>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<MatchView>(SelectMatchesOfPhoto, new { PhotoId = photoId }, cancellationToken);
}
