using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Every Dapper repository of the app (and its migrator) on one test database, as the repository suites use them.</summary>
public sealed class DataRepositories(IDbConnectionFactory connections)
{
    public IDbConnectionFactory Connections { get; } = connections;
    public DatabaseMigrator Migrator { get; } = new(connections, NullLogger<DatabaseMigrator>.Instance);
    public IPhotoRepository Photos { get; } = new DapperPhotoRepository(connections);
    public IFaceRepository Faces { get; } = new DapperFaceRepository(connections);
    public IMatchRepository Matches { get; } = new DapperMatchRepository(connections);
    public IPersonRepository People { get; } = new DapperPersonRepository(connections);
    public IAlertRepository Alerts { get; } = new DapperAlertRepository(connections);
    public IAccountRepository Accounts { get; } = new DapperAccountRepository(connections);
    public IApiKeyRepository ApiKeys { get; } = new DapperApiKeyRepository(connections);
    public IQueuePauseRepository QueuePauses { get; } = new DapperQueuePauseRepository(connections);
    public IAuditLogRepository Audit { get; } = new DapperAuditLogRepository(connections);
}
