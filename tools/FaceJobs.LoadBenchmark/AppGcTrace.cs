using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace FaceJobs.LoadBenchmark;

/// <summary>One stop of the app's threads for a collection: from the runtime suspending them to it letting them go.</summary>
internal sealed record GcPause(DateTime StartUtc, DateTime EndUtc, int Generation, double SuspendingMilliseconds, long PromotedBytes, string Thread)
{
    public double Milliseconds => (EndUtc - StartUtc).TotalMilliseconds;

    public bool Overlaps(DateTime startUtc, DateTime endUtc) => StartUtc < endUtc && EndUtc > startUtc;
}

/// <summary>About 100 KB of the app's allocations (the runtime samples one allocation in each), and who made it.</summary>
internal sealed record AllocationTick(DateTime AtUtc, string TypeName, long Bytes, string Thread);

/// <summary>
/// The app process's collections, read from outside over EventPipe (the runtime's GC events, the keyword dotnet-trace's
/// gc-collect profile uses): when the app runs as its own process, its pauses are not this process's, and a page
/// request that a pause overlaps is slowed by it however idle the cores are.
/// </summary>
internal sealed class AppGcTrace : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly List<GcPause> _pauses = [];
    private readonly List<AllocationTick> _allocations = [];
    private readonly Dictionary<int, string> _threadNames = [];
    private bool _stopped;

    private AppGcTrace(EventPipeSession session, int processId)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        DateTime? suspending = null;
        var suspendingMilliseconds = 0.0;
        var generation = -1;
        source.Clr.GCSuspendEEStart += e => suspending = e.TimeStamp.ToUniversalTime();
        // How long the threads took to stop: a thread that has no core (a niced one, say) stops late and keeps the others waiting.
        source.Clr.GCSuspendEEStop += e => suspendingMilliseconds = suspending is { } start ? (e.TimeStamp.ToUniversalTime() - start).TotalMilliseconds : 0;
        var thread = "";
        // A workstation collection runs on the thread whose allocation triggered it, at that thread's priority.
        source.Clr.GCStart += e => (generation, thread) = (e.Depth, ThreadName(processId, e.ThreadID));
        source.Clr.GCAllocationTick += e =>
        {
            lock (_allocations)
                _allocations.Add(new AllocationTick(e.TimeStamp.ToUniversalTime(), e.TypeName, e.AllocationAmount64, ThreadName(processId, e.ThreadID)));
        };
        // What survived the collection, which is most of what a gen0 collection costs.
        long promoted = 0;
        source.Clr.GCHeapStats += e => promoted = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3;
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspending is not { } start)
                return;
            lock (_pauses)
                _pauses.Add(new GcPause(start, e.TimeStamp.ToUniversalTime(), generation, suspendingMilliseconds, promoted, thread));
            (suspending, generation, promoted) = (null, -1, 0);
        };
        _reading = Task.Run(source.Process);
    }

    public static AppGcTrace Start(int processId)
    {
        var provider = new EventPipeProvider(
            ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC); // verbose: allocation ticks
        return new AppGcTrace(new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false), processId);
    }

    // Called only from the reading thread, so the cache needs no lock.
    private string ThreadName(int processId, int threadId)
    {
        if (_threadNames.TryGetValue(threadId, out var name))
            return name;
        try
        {
            name = File.ReadAllText($"/proc/{processId}/task/{threadId}/comm").Trim();
        }
        catch (IOException)
        {
            name = "?";
        }

        return _threadNames[threadId] = name;
    }

    public IReadOnlyList<GcPause> PausesBetween(DateTime startUtc, DateTime endUtc)
    {
        lock (_pauses)
            return _pauses.Where(p => p.Overlaps(startUtc, endUtc)).ToList();
    }

    public IReadOnlyList<AllocationTick> AllocationsBetween(DateTime startUtc, DateTime endUtc)
    {
        lock (_allocations)
            return _allocations.Where(a => a.AtUtc >= startUtc && a.AtUtc < endUtc).ToList();
    }

    /// <summary>Ends the session (once; the mode's run ends it before it stops the app); the pauses read stay.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException)
        {
            // The app has already exited; its stream has ended too.
        }

        await _reading;
        _session.Dispose();
    }
}

/// <summary>How much of the page's busy tail the app's collections explain: the slow probes that a pause overlapped.</summary>
internal sealed record GcTailShare(
    int Collections, int Gen1, int Gen2, double PausedMilliseconds, double SuspendingMilliseconds, double MedianGen0PromotedMiB, double LoadSeconds,
    int Probes, int OverlappedProbes, int SlowProbes, int SlowOverlapped, double SlowAbove, int TailProbes, int TailOverlapped, double P99WithoutOverlapped)
{
    public static GcTailShare Of(IReadOnlyList<GcPause> pauses, IReadOnlyList<AllocationTick> allocations, double loadSeconds, IReadOnlyList<ProbeSample> busy, double slowAbove)
    {
        bool Overlapped(ProbeSample s) => pauses.Any(p => p.Overlaps(s.StartUtc, s.EndUtc));
        var slow = busy.Where(s => s.Milliseconds > slowAbove).ToList();
        // The slowest 1%: the probes at or above the busy p99's rank.
        var tail = busy.OrderByDescending(s => s.Milliseconds).Take(Math.Max(1, busy.Count - (int)Math.Ceiling(0.99 * busy.Count) + 1)).ToList();
        var untouched = new Latencies();
        foreach (var sample in busy.Where(s => !Overlapped(s)))
            untouched.Add(sample.Milliseconds);
        return new GcTailShare(
            pauses.Count, pauses.Count(p => p.Generation == 1), pauses.Count(p => p.Generation == 2), pauses.Sum(p => p.Milliseconds),
            pauses.Sum(p => p.SuspendingMilliseconds), MedianMiB(pauses.Where(p => p.Generation == 0).Select(p => p.PromotedBytes)), loadSeconds, busy.Count, busy.Count(Overlapped), slow.Count, slow.Count(Overlapped), slowAbove,
            tail.Count, tail.Count(Overlapped), untouched.Percentile(0.99))
        { Pauses = pauses, Allocations = allocations };
    }

    private static double MedianMiB(IEnumerable<long> bytes) =>
        bytes.Order().ToArray() is { Length: > 0 } sorted ? sorted[sorted.Length / 2] / 1048576.0 : double.NaN;

    public IReadOnlyList<GcPause> Pauses { get; init; } = [];

    public IReadOnlyList<AllocationTick> Allocations { get; init; } = [];

    /// <summary>What the app allocated per probed page idle after the load, when nothing else runs.</summary>
    public double BytesPerIdlePage { get; init; }

    /// <summary>The allocation samples of that idle phase, to say what a page's bytes are.</summary>
    public IReadOnlyList<AllocationTick> IdlePageAllocations { get; init; } = [];

    /// <summary>What the app allocated in the load, from the runtime's samples: MiB/s, the CPU threads' share, the top types.</summary>
    public string AllocationSummary()
    {
        var total = Allocations.Sum(a => a.Bytes);
        if (total == 0)
            return "no allocation samples";
        var cpu = Allocations.Where(a => IsCpuThread(a.Thread)).Sum(a => a.Bytes);
        return $"{total / 1048576.0 / LoadSeconds:0.0} MiB/s, {100.0 * cpu / total:0}% on the CPU threads (FaceJobs CPU #n, niced in background mode); by type: {TopTypes(Allocations)}; " +
            $"idle after the load {BytesPerIdlePage / 1024:0} KiB a probed page ({TopTypes(IdlePageAllocations)})";
    }

    private static string TopTypes(IReadOnlyList<AllocationTick> allocations)
    {
        var total = Math.Max(1, allocations.Sum(a => a.Bytes));
        return string.Join(", ", allocations.GroupBy(a => a.TypeName).Select(g => (Type: g.Key, Bytes: g.Sum(a => a.Bytes)))
            .OrderByDescending(t => t.Bytes).Take(6).Select(t => $"{t.Type} {100.0 * t.Bytes / total:0}%"));
    }

    private static bool IsCpuThread(string thread) => thread.StartsWith("FaceJobs CPU", StringComparison.Ordinal);

    /// <summary>Collections by the kind of thread that triggered them: count and ms a collection.</summary>
    public string ByThread() => string.Join(", ", Pauses.GroupBy(p => IsCpuThread(p.Thread) ? "CPU threads (FaceJobs CPU #n)" : p.Thread)
        .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()} ({g.Average(p => p.Milliseconds):0.0} ms)"));

    public string Summary() =>
        $"{Collections} collections ({Gen1} gen1, {Gen2} gen2), paused {PausedMilliseconds:0} ms = {100 * PausedMilliseconds / (1000 * LoadSeconds):0.00}% " +
        $"of {LoadSeconds:0} s, {PausedMilliseconds / Math.Max(1, Collections):0.0} ms a collection ({SuspendingMilliseconds / Math.Max(1, Collections):0.0} ms of it " +
        $"stopping the threads, {MedianGen0PromotedMiB:0.0} MiB survived a gen0 one); a pause overlapped {OverlappedProbes} of {Probes} probes, {SlowOverlapped} of the {SlowProbes} slower than the idle " +
        $"p99 ({SlowAbove:0.0} ms), {TailOverlapped} of the slowest {TailProbes}; busy p99 without the overlapped probes {P99WithoutOverlapped:0.0} ms";
}
