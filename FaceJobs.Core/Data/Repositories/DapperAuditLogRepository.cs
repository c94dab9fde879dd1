namespace FaceJobs.Core.Data.Repositories;

internal sealed class DapperAuditLogRepository(IDbConnectionFactory connections) : IAuditLogRepository
{
    private const string InsertEntry = """
        INSERT INTO audit_log (actor, action, subject, detail, remote_address)
        VALUES (@Actor, @Action, @Subject, @Detail, @RemoteAddress);
        """;

    public Task AddAsync(NewAuditEntry entry, CancellationToken cancellationToken = default) =>
        connections.ExecuteAsync(InsertEntry, entry, cancellationToken);

    // By id, not time: ids only grow, and the primary key serves the order without another index.
    private readonly string _selectPage = $"""
        SELECT id, at_utc, actor, action, subject, detail, remote_address
        FROM audit_log ORDER BY id DESC {connections.Dialect.Page};
        """;

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        connections.QueryAsync<AuditEntry>(_selectPage, new { Offset = offset, Limit = limit }, cancellationToken);

    private const string Count = "SELECT COUNT(*) FROM audit_log;";

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        await connections.QuerySingleOrDefaultAsync<int>(Count, null, cancellationToken);
}
