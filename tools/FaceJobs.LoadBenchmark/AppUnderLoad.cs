using FaceJobs.Core.Data.Repositories;
using Hangfire;

namespace FaceJobs.LoadBenchmark;

/// <summary>How a mode's run hosts the app.</summary>
internal enum Hosting
{
    /// <summary>
    /// <c>dotnet FaceJobs.Web.dll</c> as its own process (<c>FaceJobs:Role=All</c> on the embedded SQLite), as the
    /// README runs it: the virtual users' work and garbage stay in the benchmark process, as a browser's stay on its
    /// own machine.
    /// </summary>
    Process,

    /// <summary>
    /// A web process (<c>FaceJobs:Role=Web</c>) and a worker process (<c>Worker</c>) on one machine, sharing a
    /// throwaway PostgreSQL server, as the README's scale-out runs: the web process never collects the workers' garbage.
    /// </summary>
    WebAndWorker,

    /// <summary>The app inside the benchmark process, which then also reports the collections of that process.</summary>
    InProcess,
}

/// <summary>The app a mode's run drives, and what the benchmark reads beside it.</summary>
internal abstract class AppUnderLoad : IAsyncDisposable
{
    public abstract string Description { get; }

    public abstract Uri BaseAddress { get; }

    public abstract IPhotoRepository Photos { get; }

    public abstract IPersonRepository People { get; }

    /// <summary>The vision singletons and watchlist index for the raw in-process throughput run.</summary>
    public abstract IServiceProvider Vision { get; }

    /// <summary>True when the app's collections are this process's (<see cref="GcDuringLoad"/> then means the app's).</summary>
    public abstract bool InThisProcess { get; }

    /// <summary>The process that serves the pages, when it is not this one.</summary>
    public virtual int? ProcessId => null;

    public static async Task<AppUnderLoad> StartAsync(Hosting hosting, IDictionary<string, string> settings) => hosting switch
    {
        Hosting.InProcess => await InProcessApp.StartAsync(settings),
        Hosting.Process => await ProcessApp.StartAsync(settings, ["All"], postgreSql: false),
        Hosting.WebAndWorker => await ProcessApp.StartAsync(settings, ["Web", "Worker"], postgreSql: true),
        _ => throw new ArgumentOutOfRangeException(nameof(hosting)),
    };

    public HttpClient CreateClient() => ClientFor(BaseAddress);

    /// <summary>A client as a browser's: its own cookies, redirects left to the caller to see.</summary>
    public static HttpClient ClientFor(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };

    /// <summary>Adds an Operator account through the app's account administration; returns its name.</summary>
    public abstract Task<string> AddOperatorAsync();

    /// <summary>Resident memory of the app now, over all its processes, in MiB.</summary>
    public abstract double ResidentMiB();

    /// <summary>
    /// Hangfire's storage, to read the jobs' state history; on SQLite the job file belongs to the app's process, so
    /// that process is stopped first and the app takes no more requests.
    /// </summary>
    public abstract Task<JobStorage> JobHistoryAsync();

    public abstract ValueTask DisposeAsync();
}
