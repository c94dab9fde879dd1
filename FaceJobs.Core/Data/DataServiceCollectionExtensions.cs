using FaceJobs.Core.Data.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite database used when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/facejobs.db";

    /// <summary>
    /// Registers <see cref="StorageOptions"/>, the connection factory, the repositories (singletons that open a
    /// connection per call) and <see cref="DatabaseMigrator"/>. The host runs the migrator once before it starts
    /// serving or processing jobs (FaceJobs.Web: PrepareStorageAsync), so no job runs against an old schema.
    /// </summary>
    public static IServiceCollection AddFaceJobsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure<IServiceProvider>((options, provider) => options.ConnectionString = ResolveConnectionString(
                options, configuration, provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IDbConnectionFactory>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Sqlite => new SqliteConnectionFactory(options.ConnectionString),
                StorageProvider.SqlServer => new SqlServerConnectionFactory(options.ConnectionString),
                StorageProvider.PostgreSql => new PostgreSqlConnectionFactory(options.ConnectionString),
                _ => throw new OptionsValidationException(nameof(StorageOptions), typeof(StorageOptions), [$"Unknown storage provider {options.Provider}."]),
            };
        });
        services.AddSingleton<IPhotoRepository, DapperPhotoRepository>();
        services.AddSingleton<IFaceRepository, DapperFaceRepository>();
        services.AddSingleton<IMatchRepository, DapperMatchRepository>();
        services.AddSingleton<IPersonRepository, DapperPersonRepository>();
        services.AddSingleton<IAlertRepository, DapperAlertRepository>();
        services.AddSingleton<IAccountRepository, DapperAccountRepository>();
        services.AddSingleton<IAuditLogRepository, DapperAuditLogRepository>();
        services.AddSingleton<IApiKeyRepository, DapperApiKeyRepository>();
        services.AddSingleton<IQueuePauseRepository, DapperQueuePauseRepository>();
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// <c>Storage:ConnectionString</c>, else <c>ConnectionStrings:FaceJobs</c>, else (SQLite only) the default file;
    /// a relative SQLite file is made absolute against <paramref name="contentRoot"/>.
    /// </summary>
    internal static string ResolveConnectionString(StorageOptions options, IConfiguration configuration, string contentRoot)
    {
        var connectionString = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? options.ConnectionString
            : configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (options.Provider != StorageProvider.Sqlite)
        {
            return connectionString ?? "";
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString);
        var isFile = builder.DataSource.Length > 0 && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (isFile && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }
}
