using FaceJobs.Core.Data;
using FaceJobs.Core.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>Hangfire's storage (the same database choice as the app's data), this process's servers (QueueServers), and the dashboard.</summary>
public static class HangfireSetup
{
    public const string DashboardPath = "/hangfire";

    public static void AddFaceJobsHangfire(this IServiceCollection services, IConfiguration configuration, FaceJobsRole role)
    {
        services.AddOptions<HangfireOptions>().BindConfiguration(HangfireOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var hangfire = provider.GetRequiredService<IOptions<HangfireOptions>>().Value;
            switch (storage.Provider)
            {
                case StorageProvider.SqlServer:
                    UseSqlServer(config, storage);
                    break;
                case StorageProvider.PostgreSql:
                    UsePostgreSql(config, storage, hangfire);
                    break;
                default:
                    UseSqlite(config, hangfire, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
                    break;
            }
        });

        if (role == FaceJobsRole.Web)
            return;

        var workers = configuration.GetSection(HangfireOptions.SectionName).Get<HangfireOptions>()?.Workers ?? new HangfireOptions().Workers;
        var unknown = workers.Where(w => w.Value > 0).Select(w => w.Key).FirstOrDefault(queue => !JobQueues.All.Contains(queue));
        if (unknown is not null)
            throw new InvalidOperationException($"Hangfire:Workers names an unknown queue '{unknown}'; known queues: {string.Join(", ", JobQueues.All)}.");

        // One server per queue, so each queue's worker count is its own and each can be paused alone.
        services.AddSingleton<HangfireServerFactory>();
        services.AddHostedService<QueueServers>();
    }

    private static void UseSqlServer(IGlobalConfiguration config, StorageOptions storage) =>
        // The options Hangfire 1.8 recommends: no polling fetch (QueuePollInterval zero uses long polling with
        // sliding invisibility), global locks off. Microsoft.Data.SqlClient connections, as for the app's data.
        config.UseSqlServerStorage(() => new SqlConnection(storage.ConnectionString), new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = storage.PrepareSchemaIfNecessary,
            CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.Zero,
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
        });

    // Why each option: README, "PostgreSQL".
    private static void UsePostgreSql(IGlobalConfiguration config, StorageOptions storage, HangfireOptions hangfire) =>
        config.UsePostgreSqlStorage(
            bootstrapper => bootstrapper.UseNpgsqlConnection(storage.ConnectionString),
            new PostgreSqlStorageOptions
            {
                PrepareSchemaIfNecessary = storage.PrepareSchemaIfNecessary,
                // A running job's fetch time is renewed in the background, so the timeout is how long a job of a killed
                // worker waits before another worker takes it, not a cap on how long a job may run.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(hangfire.PostgreSqlInvisibilityTimeoutSeconds),
                // Polling, not LISTEN/NOTIFY: a listener connection dropped by a database restart is not re-opened and
                // jobs then wait for the invisibility timeout (hangfire-postgres/Hangfire.PostgreSql#410).
                EnableLongPolling = false,
                QueuePollInterval = TimeSpan.FromMilliseconds(hangfire.PostgreSqlPollIntervalMilliseconds),
                // A lock older than this counts as left by a dead process; the longest hold is one photo's alert emails.
                DistributedLockTimeout = TimeSpan.FromSeconds(hangfire.PostgreSqlDistributedLockTimeoutSeconds),
            });

    private static void UseSqlite(IGlobalConfiguration config, HangfireOptions hangfire, string contentRoot)
    {
        var file = Path.GetFullPath(hangfire.SqliteFile, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        config.UseSQLiteStorage(file, new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(hangfire.SqlitePollIntervalMilliseconds),
            InvisibilityTimeout = TimeSpan.FromSeconds(hangfire.SqliteInvisibilityTimeoutSeconds),
            // A lock held by a killed process blocks its job until the lock expires; the owner's heartbeat keeps a
            // live lock alive, so a short lifetime only shortens recovery after a crash (30 s by default).
            DistributedLockLifetime = TimeSpan.FromSeconds(10),
        });
    }

    public static void MapFaceJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "FaceJobs jobs",
            AppPath = "/",
            Authorization = [new DashboardRoleFilter()],
            IsReadOnlyFunc = DashboardRoleFilter.IsReadOnly,
        }).RequireAuthorization(Accounts.Roles.ViewerPolicy);
}
