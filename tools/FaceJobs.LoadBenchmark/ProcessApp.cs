using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using FaceJobs.Testing;
using FaceJobs.Web.Accounts;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// The app as operating-system processes of the built FaceJobs.Web.dll, one per role, on a data folder of its own and,
/// for more than one process, a throwaway PostgreSQL database (its connection string in the environment, never on a
/// command line). The benchmark reads the app's rows through the app's own repositories on the same database.
/// </summary>
internal sealed class ProcessApp : AppUnderLoad
{
    private readonly string _folder;
    private readonly PostgreSqlTestDatabase? _database;
    private readonly ServiceProvider _services;
    private readonly List<AppProcess> _processes;
    private readonly IReadOnlyList<string> _roles;

    private ProcessApp(string folder, PostgreSqlTestDatabase? database, ServiceProvider services, List<AppProcess> processes, IReadOnlyList<string> roles)
    {
        (_folder, _database, _services, _processes, _roles) = (folder, database, services, processes, roles);
    }

    public override string Description =>
        $"FaceJobs.Web.dll as {string.Join(" + ", _roles)} process{(_roles.Count > 1 ? "es" : "")} (FaceJobs:Role) on {(_database is null ? "SQLite" : "PostgreSQL")}";

    public override Uri BaseAddress => _processes[0].BaseAddress;

    public override IPhotoRepository Photos => _services.GetRequiredService<IPhotoRepository>();

    public override IPersonRepository People => _services.GetRequiredService<IPersonRepository>();

    public override IServiceProvider Vision => _services;

    public override bool InThisProcess => false;

    public override int? ProcessId => _processes[0].Id;

    /// <summary>One process per role; the first serves the pages.</summary>
    public static async Task<ProcessApp> StartAsync(IDictionary<string, string> appSettings, IReadOnlyList<string> roles, bool postgreSql)
    {
        var folder = Directory.CreateTempSubdirectory("facejobs-bench-").FullName;
        var database = postgreSql ? await PostgreSqlTestDatabase.CreateAsync() : null;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:FaceJobs"] = $"Data Source={Path.Combine(folder, "facejobs.db")}",
            ["Hangfire:SqliteFile"] = Path.Combine(folder, "hangfire.db"),
        };
        foreach (var (key, value) in appSettings)
            settings[key] = value;
        var secrets = new Dictionary<string, string>();
        if (database is not null)
        {
            settings["Storage:Provider"] = "PostgreSql";
            secrets["ConnectionStrings:FaceJobs"] = database.ConnectionString;
        }

        var services = Services(settings, secrets);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var processes = new List<AppProcess>();
        try
        {
            processes.AddRange(await Task.WhenAll(roles.Select(role =>
                AppProcess.StartAsync(folder, new Dictionary<string, string>(settings) { ["FaceJobs:Role"] = role }, secrets))));
        }
        catch
        {
            processes.ForEach(p => p.Dispose());
            await services.DisposeAsync();
            throw;
        }

        return new ProcessApp(folder, database, services, processes, roles);
    }

    public override async Task<string> AddOperatorAsync()
    {
        var name = SignIn.NewName(AccountRole.Operator);
        var administration = new AccountAdministration(
            _services.GetRequiredService<IAccountRepository>(), new PasswordHasher<Account>(), Options.Create(new AccountOptions()));
        var (_, problem) = await administration.AddAsync(name, AccountRole.Operator, SignIn.Password);
        return problem is null ? name : throw new InvalidOperationException(problem);
    }

    public override double ResidentMiB() => _processes.Where(p => !p.HasExited).Sum(p => p.ResidentBytes()) / 1048576.0;

    public override async Task<JobStorage> JobHistoryAsync()
    {
        if (_database is not null)
        {
            var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(_database.ConnectionString, options), options);
        }

        await Task.WhenAll(_processes.Where(p => !p.HasExited).Select(p => p.StopAsync(TimeSpan.FromSeconds(60))));
        return new SQLiteStorage(Path.Combine(_folder, "hangfire.db"), new SQLiteStorageOptions());
    }

    public override async ValueTask DisposeAsync()
    {
        _processes.ForEach(p => p.Dispose());
        await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    // The app's own data and vision registrations on the same settings, so the raw run uses the app's models and options.
    private static ServiceProvider Services(Dictionary<string, string> settings, Dictionary<string, string> secrets)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.json"), optional: false)
            .AddInMemoryCollection(settings!)
            .AddInMemoryCollection(secrets!)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFaceJobsData(configuration);
        services.AddFaceJobsVision(configuration);
        services.AddOptions<RecognitionOptions>().Bind(configuration.GetSection(RecognitionOptions.SectionName));
        services.AddSingleton<WatchlistMatcher>();
        services.AddSingleton<WatchlistIndex>();
        return services.BuildServiceProvider();
    }
}
