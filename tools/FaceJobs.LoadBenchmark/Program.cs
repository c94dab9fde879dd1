using System.Globalization;
using System.Runtime.InteropServices;
using FaceJobs.Core.Jobs;
using FaceJobs.LoadBenchmark;
using FaceJobs.Testing;

// Side by side, in one run: FaceJobs as built (the upload schedules jobs) and the in-request baseline
// (Pipeline:Mode=Inline), under the same virtual users on the same photos.
// Usage: dotnet run -c Release --project tools/FaceJobs.LoadBenchmark -- --users 20 --seconds 30
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["storage", ..])
    return await StorageComparison(args[1..]);
if (args is ["probe", ..])
    return await ApartProber.RunChildAsync(args[1..]);
var settings = LoadSettings.Parse(args);
var loadBefore = LoadAverage();
var sources = Directory.GetFiles(Path.Combine(TestPaths.Faces, "group"), "*.jpg").Order()
    .Concat(Enumerable.Range(1, 6).Select(TestPaths.Sample))
    .ToList();
var photos = new PhotoVariants(sources, 2 + settings.Users * 2 + settings.ThroughputPhotos + settings.Seconds * 8);
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
    $"{RuntimeInformation.FrameworkDescription}, load average {loadBefore}");
Console.WriteLine($"{settings.CommandLine()}; {photos.Count} distinct photos made from {sources.Count} fixture photos");

var results = new List<ModeResult>();
foreach (var mode in settings.Modes.Select(Enum.Parse<PipelineMode>))
{
    photos.Restart();
    var result = await ModeRun.RunAsync(mode, settings, photos);
    results.Add(result);
    Report(result, settings.ProbedPage);
}

var background = results.FirstOrDefault(r => r.Mode == nameof(PipelineMode.Background));
var inline = results.FirstOrDefault(r => r.Mode == nameof(PipelineMode.Inline));
Console.WriteLine($"load average after: {LoadAverage()}");
if (background is null || inline is null)
    return 0;
var uploadRatio = inline.Upload.Percentile(0.99) / background.Upload.Percentile(0.99);
// Idle after the load: the same rows and the same warmed-up code as under load (the idle phase before it lists 2 photos).
// The reported ratio is the prober's in a process of its own: the page as someone else's browser gets it, not slowed by
// the load generator's own collections and queued work.
var pageRatio = background.PageBusyApart.Times.Percentile(0.99) / background.PageIdleAfterApart.Times.Percentile(0.99);
Console.WriteLine($"page busy p99 / idle p99 before the load (2 photos listed), prober in the load generator: " +
    $"{background.PageBusy.Percentile(0.99) / background.PageIdle.Percentile(0.99):0.00}");
Console.WriteLine($"page busy p99 / idle after p99, prober in the load generator: " +
    $"{background.PageBusy.Percentile(0.99) / background.PageIdleAfter.Percentile(0.99):0.00}; in its own process: {pageRatio:0.00}");
Console.WriteLine($"upload_p99_ratio={uploadRatio:0.0} page_busy_idle_p99={pageRatio:0.00} photos_per_s={background.PhotosPerSecond:0.00}");
return 0;

static void Report(ModeResult r, string probed)
{
    Console.WriteLine($"== {r.Mode}: {r.Hosting}");
    Console.WriteLine($"upload POST (until redirect)     {r.Upload.Summary()}");
    Console.WriteLine($"GET {probed}, idle                {r.PageIdle.Summary()}");
    Console.WriteLine($"GET {probed}, under load          {r.PageBusy.Summary()}");
    Console.WriteLine($"GET {probed}, idle after the load {r.PageIdleAfter.Summary()}");
    ReportApart("under load         ", r.PageBusyApart);
    ReportApart("idle after the load", r.PageIdleAfterApart);
    Console.WriteLine($"GC under load, {(r.GcIsTheApps ? "the app and the load generator (one process)" : "the load generator's process (the app runs in its own)")}: {r.Gc.Summary()}");
    if (r.AppGc is { } appGc)
    {
        Console.WriteLine($"GC under load, the app's process (EventPipe): {appGc.Summary()}");
        Console.WriteLine($"  triggered by: {appGc.ByThread()}");
        Console.WriteLine($"  allocated: {appGc.AllocationSummary()}");
    }

    Console.WriteLine($"photo status polls, under load   {r.UserPages.Summary()}");
    Console.WriteLine($"photos done {r.Processed}, errors {r.Errors}{(r.FirstError is null ? "" : $" (first: {r.FirstError})")}, " +
        $"photos/s {r.PhotosPerSecond:0.00}");
    Console.WriteLine($"hand-off detect->recognize       {r.HandOffs.DetectToRecognize.Summary()}");
    Console.WriteLine($"hand-off recognize->alert        {r.HandOffs.RecognizeToAlert.Summary()}");
    foreach (var slow in r.HandOffs.Slow)
        Console.WriteLine($"  slow hand-off: {slow}");
    Console.WriteLine($"app RSS peak {r.PeakRssMiB:0} MiB, settled {r.SettledRssMiB:0} MiB");
    if (r.Throughput is { Stages: { } stages } t)
    {
        Console.WriteLine($"raw in-process {t.RawPhotosPerSecond:0.00} photos/s ({t.Parallelism} at once), pipeline {t.PipelinePhotosPerSecond:0.00} photos/s " +
            $"on the same {t.Photos} photos: pipeline/raw {t.Ratio:0.00}; raw allocated {t.RawAllocatedMiBPerPhoto:0.0} MiB (managed) per photo");
        Console.WriteLine($"job time per photo: detect {stages.DetectMilliseconds:0} + recognize {stages.RecognizeMilliseconds:0} + alert " +
            $"{stages.AlertMilliseconds:0} = {stages.TotalMilliseconds:0} ms, against raw {t.RawCoreMillisecondsPerPhoto:0} core-ms per photo");
    }
}

static void ReportApart(string phase, ApartProbes probes) =>
    Console.WriteLine($"  prober in its own process, {phase} {probes.Times.Summary()}  " +
        $"({probes.Collections} collections, {probes.PausedMilliseconds:0.0} ms paused)");

// Usage: dotnet run -c Release --project tools/FaceJobs.LoadBenchmark -- storage [--photos 40] [--uploaders 4]
static async Task<int> StorageComparison(string[] args)
{
    var count = Option(args, "--photos", 40);
    var uploaders = Option(args, "--uploaders", 4);
    var sources = Enumerable.Range(1, 6).Select(TestPaths.Sample).ToList();
    var photos = new PhotoVariants(sources, count + uploaders);
    Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
        $"{RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
    Console.WriteLine($"storage comparison: {count} distinct photos (face-api samples 1-6), {uploaders} concurrent uploaders, app as separate processes");
    Console.WriteLine("| setup | photos/s | upload p50 / p95, ms | detect→recognize p50 / p95, ms | recognize→alert p50 / p95, ms | failed |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var setup in new[] { new StorageSetup("SQLite, one process", false, 0), new StorageSetup("PostgreSQL, web + 1 worker", true, 1), new StorageSetup("PostgreSQL, web + 2 workers", true, 2) })
    {
        photos.Restart();
        var r = await StorageRun.RunAsync(setup, photos, count, uploaders);
        Console.WriteLine($"| {setup.Name} | {r.PhotosPerSecond:0.00} | {r.Upload.Percentile(0.5):0} / {r.Upload.Percentile(0.95):0} | " +
            $"{r.HandOffs.DetectToRecognize.Percentile(0.5):0} / {r.HandOffs.DetectToRecognize.Percentile(0.95):0} | " +
            $"{r.HandOffs.RecognizeToAlert.Percentile(0.5):0} / {r.HandOffs.RecognizeToAlert.Percentile(0.95):0} | {r.Failed} |");
    }

    Console.WriteLine($"load average after: {LoadAverage()}");
    return 0;
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
