namespace FaceJobs.Core.Data.Repositories;

/// <summary>The audit log: appended to, read by Admins newest first; never changed.</summary>
public interface IAuditLogRepository
{
    /// <summary>Appends a row stamped with the database's UTC clock.</summary>
    Task AddAsync(NewAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
