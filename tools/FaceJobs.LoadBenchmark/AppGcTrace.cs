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
        // What survived the collection (a gen0 one that keeps little yet pauses long is waiting for a core, not copying).
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
