using FaceJobs.Core.Jobs;
using Microsoft.Extensions.Options;

namespace FaceJobs.Tests.Integration.Jobs;

public sealed class BackgroundCpuTests
{
    [SkippableFact]
    public async Task RunAsync_RunsTheWorkThatMuchNicerThanTheCaller_OnLinux()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "per-thread nice values are Linux's");
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerNiceness = 7 }));

        // The work thread is started by this call, on this thread, and starts with this thread's nice value.
        var callers = ThreadNiceness();
        var niceness = await cpu.RunAsync(() => ThreadNiceness());

        Assert.Equal(Math.Min(19, callers + 7), niceness);
    }

    [Fact]
    public async Task RunAsync_HandsBackTheException_WhenTheWorkThrows()
    {
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerNiceness = 0 }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cpu.RunAsync<int>(() => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", error.Message);
        Assert.Equal(42, await cpu.RunAsync(() => 42));
    }

    [Fact]
    public async Task RunAsync_RunsEveryCallAtOnce_WhenCallsOverlap()
    {
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerNiceness = 0 }));
        using var allStarted = new CountdownEvent(3);

        var calls = Enumerable.Range(0, 3).Select(_ => cpu.RunAsync(() =>
        {
            allStarted.Signal();
            return allStarted.Wait(TimeSpan.FromSeconds(30));
        })).ToList();

        Assert.All(await Task.WhenAll(calls), Assert.True);
    }

    // Field 19 of /proc/thread-self/stat is the calling thread's nice value (after the parenthesised command name).
    private static int ThreadNiceness()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
