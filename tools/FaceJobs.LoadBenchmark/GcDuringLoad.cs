namespace FaceJobs.LoadBenchmark;

/// <summary>
/// The garbage collections of this process (the app and the virtual users) over the load phase: every thread, request
/// threads included, stops for a collection's pause, so its share of the time is a floor under the pages' busy tail.
/// </summary>
internal sealed record GcDuringLoad(TimeSpan Pauses, int Gen0, int Gen1, int Gen2, TimeSpan Elapsed)
{
    public static GcDuringLoad Snapshot() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), TimeSpan.Zero);

    public static GcDuringLoad Since(GcDuringLoad before, TimeSpan elapsed)
    {
        var now = Snapshot();
        return new(now.Pauses - before.Pauses, now.Gen0 - before.Gen0, now.Gen1 - before.Gen1, now.Gen2 - before.Gen2, elapsed);
    }

    // A gen1 collection also counts as gen0, a gen2 as both.
    public string Summary() =>
        $"{Gen0} collections ({Gen1} gen1, {Gen2} gen2), paused {Pauses.TotalMilliseconds:0} ms = " +
        $"{100 * Pauses / Elapsed:0.00}% of {Elapsed.TotalSeconds:0} s, {Pauses.TotalMilliseconds / Math.Max(1, Gen0):0.0} ms a collection";
}
