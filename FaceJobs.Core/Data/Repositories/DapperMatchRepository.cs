using Dapper;

namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperMatchRepository(IDbConnectionFactory connections) : IMatchRepository
{
    private readonly Sql.SqlStatements sql = connections.Dialect.Statements;

    public Task ReplaceForPhotoAsync(long photoId, IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.DeleteMatchesOfPhoto, new { PhotoId = photoId }, transaction, cancellationToken: cancellationToken));
            return await connection.ExecuteAsync(new CommandDefinition(sql.InsertMatch, matches, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task AddMissingAsync(IReadOnlyList<NewMatch> matches, CancellationToken cancellationToken = default) =>
        connections.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                sql.InsertMatchIfMissing, matches, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<MatchView>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<MatchView>(sql.SelectMatchesOfPhoto, new { PhotoId = photoId }, cancellationToken);

    public Task<IReadOnlyList<MatchView>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<MatchView>(sql.SelectRecentMatchesPage, new { Offset = offset, Limit = limit }, cancellationToken);
}
