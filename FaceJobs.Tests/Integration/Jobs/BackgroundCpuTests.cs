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

    [SkippableFact]
    public async Task RunAsync_RunsTheWorkUnderSchedIdle_AndContinuesTheCallerUnderItsOwnPolicy_WhenSchedulingIsIdle()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SCHED_IDLE is Linux's");
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerScheduling = WorkerScheduling.Idle }));
        var callers = ThreadPolicy();

        var workers = await cpu.RunAsync(() => ThreadPolicy());

        Assert.Equal(SchedIdle, workers);
        Assert.NotEqual(SchedIdle, callers);
        Assert.Equal(callers, ThreadPolicy());
    }

    [SkippableFact]
    public async Task RunAsync_ContinuesTheCallerAtTheCallersNiceness_OnLinux()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "per-thread nice values are Linux's");
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerNiceness = 7 }));
        var callers = ThreadNiceness();

        await cpu.RunAsync(() => 0);

        Assert.Equal(callers, ThreadNiceness());
    }

    [SkippableFact]
    public async Task RunAsync_LeavesEveryOtherThreadAtTheProcessesNiceness_WhenContinuationsStartMoreThreads_OnLinux()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "per-thread nice values are Linux's");
        using var cpu = new BackgroundCpu(Options.Create(new PipelineOptions { WorkerNiceness = 7 }));
        var callers = ThreadNiceness();

        // Each job carries on after its CPU work by fanning out blocking work, which makes the thread pool start threads
        // from the thread that queues it. Were that a niced thread, the new pool threads (later serving requests) would be
        // niced too.
        var jobs = Enumerable.Range(0, 16).Select(async _ =>
        {
            await cpu.RunAsync(() => 0);
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Thread.Sleep(100))));
        });
        await Task.WhenAll(jobs);

        var niced = ProcessThreads().Where(t => t.Niceness != callers).ToList();
        Assert.Contains(ProcessThreads(), t => t.Name.StartsWith("FaceJobs CPU #", StringComparison.Ordinal));
        Assert.All(niced, t => Assert.StartsWith("FaceJobs CPU #", t.Name, StringComparison.Ordinal));
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

    private const int SchedIdle = 5;

    private static int ThreadNiceness() => NicenessIn(File.ReadAllText("/proc/thread-self/stat"));

    private static int ThreadPolicy() => StatField(File.ReadAllText("/proc/thread-self/stat"), 41);

    private static List<(string Name, int Niceness)> ProcessThreads() =>
        Directory.GetDirectories("/proc/self/task")
            .Select(task => (Name: ReadOrNull(Path.Combine(task, "comm"))?.TrimEnd('\n'), Stat: ReadOrNull(Path.Combine(task, "stat"))))
            .Where(task => task.Name is not null && task.Stat is not null)
            .Select(task => (task.Name!, NicenessIn(task.Stat!)))
            .ToList();

    // A thread may end between listing and reading.
    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Field 19 of a task's stat is its nice value.
    private static int NicenessIn(string stat) => StatField(stat, 19);

    // proc(5) numbers a task's stat fields from 1; the third is the first after the parenthesised command name.
    private static int StatField(string stat, int field)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[field - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
