using System.Diagnostics;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Testing;
using Hangfire;

namespace FaceJobs.LoadBenchmark;

/// <summary>The app on <see cref="AppHost"/>, inside the benchmark process.</summary>
internal sealed class InProcessApp(AppHost host) : AppUnderLoad
{
    public override string Description => "the app inside the benchmark process (SQLite)";

    public override Uri BaseAddress => host.BaseAddress;

    public override IPhotoRepository Photos => host.Get<IPhotoRepository>();

    public override IPersonRepository People => host.Get<IPersonRepository>();

    public override IServiceProvider Vision => host.Services;

    public override bool InThisProcess => true;

    public static async Task<InProcessApp> StartAsync(IDictionary<string, string> settings) => new(await AppHost.StartAsync(settings));

    public override Task<string> AddOperatorAsync() => host.AddAccountAsync(AccountRole.Operator);

    public override double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    public override Task<JobStorage> JobHistoryAsync() => Task.FromResult(host.Get<JobStorage>());

    public override ValueTask DisposeAsync() => host.DisposeAsync();
}
