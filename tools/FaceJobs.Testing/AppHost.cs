using FaceJobs.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Testing;

/// <summary>
/// The real FaceJobs app on Kestrel at a loopback port, on its own temporary SQLite files, with the in-process
/// Hangfire servers running real jobs. Settings are passed as command-line arguments, as an operator would.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsDataDirectory;

    private AppHost(WebApplication app, RecentLogs logs, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        Logs = logs;
        _ownsDataDirectory = ownsDataDirectory;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The app's last warnings and errors.</summary>
    public RecentLogs Logs { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts an app; <paramref name="settings"/> override appsettings.json (key → value).</summary>
    public static async Task<AppHost> StartAsync(IDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("facejobs-test-").FullName;
        var all = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["ConnectionStrings:FaceJobs"] = $"Data Source={Path.Combine(dataDirectory, "facejobs.db")}",
            ["Hangfire:SqliteFile"] = Path.Combine(dataDirectory, "hangfire.db"),
            ["Hangfire:SqlitePollIntervalMilliseconds"] = "100",
            ["Alerts:PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;

        var args = all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var logs = new RecentLogs();
        var app = await FaceJobsApp.CreateAsync(args, new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = TestPaths.WebProject,
            EnvironmentName = all["environment"],
        }, builder => builder.Logging.AddProvider(logs));
        await app.StartAsync();
        return new AppHost(app, logs, dataDirectory, ownsDataDirectory);
    }

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
