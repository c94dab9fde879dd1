using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Data;

/// <summary>
/// Migrates the database when the host starts. Hosted services start in registration order, so registering the
/// data layer before the Hangfire server means no job runs against an old schema.
/// </summary>
internal sealed class DatabaseMigrationHostedService(DatabaseMigrator migrator, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
