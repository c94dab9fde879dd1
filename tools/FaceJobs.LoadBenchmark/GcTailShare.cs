namespace FaceJobs.LoadBenchmark;

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
