using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Testing;

namespace FaceJobs.LoadBenchmark;

/// <summary>What one mode's run measured.</summary>
internal sealed record ModeResult(
    string Mode,
    string Hosting,
    Latencies Upload,
    Latencies PageIdle,
    Latencies PageBusy,
    Latencies PageIdleAfter,
    ApartProbes PageBusyApart,
    ApartProbes PageIdleAfterApart,
    GcDuringLoad Gc,
    bool GcIsTheApps,
    GcTailShare? AppGc,
    Latencies UserPages,
    int Uploaded,
    int Processed,
    double PhotosPerSecond,
    int Errors,
    string? FirstError,
    double PeakRssMiB,
    double SettledRssMiB,
    HandOffs HandOffs,
    Throughput? Throughput);

/// <summary>
/// One mode against a fresh app (hosted as <see cref="LoadSettings.Hosting"/> says, on its own data folder or database,
/// a real SMTP server, the watchlist holding one person): page
/// latency idle, then <c>users</c> virtual users for <c>seconds</c>, each uploading a distinct photo through the upload
/// form, then polling the photo's status as the photo page does until its alert stage is done, then the next photo;
/// meanwhile a prober loads the photo list every 50 ms. The same prober then loads it again with every photo done (the
/// same 25 rows as under load, and code the JIT has had time to optimise). A second prober does the same from a process
/// of its own (<see cref="ApartProber"/>), as another person's browser would. In background mode a pipeline-throughput
/// phase follows.
/// </summary>
internal static partial class ModeRun
{
    public static async Task<ModeResult> RunAsync(PipelineMode mode, LoadSettings settings, PhotoVariants photos)
    {
        await using var smtp = new SmtpTestServer();
        var appSettings = new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Pipeline:Mode"] = mode.ToString(),
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:SmtpSecurity"] = "None",
            // The test host polls faster for quick tests; measure the app's own default unless told otherwise.
            ["Hangfire:SqlitePollIntervalMilliseconds"] = "250",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
            // Every virtual user signs in from the same loopback address.
            ["Accounts:SignInAttemptsPerMinute"] = "1000",
        };
        if (mode == PipelineMode.Inline)
        {
            // The baseline is a server that does the work inside every request it takes, so it takes them all: with
            // the upload cap (2 at once, 8 waiting) it would answer most of them 503 at once and look fast.
            appSettings["Upload:MaxConcurrentRequests"] = settings.Users.ToString(System.Globalization.CultureInfo.InvariantCulture);
            appSettings["Upload:QueuedRequests"] = settings.Users.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings.AppSettings)
            appSettings[key] = value;

        await using var app = await AppUnderLoad.StartAsync(settings.Hosting, appSettings);
        await using var appGc = app.ProcessId is { } processId ? AppGcTrace.Start(processId) : null;
        await using var memory = new MemorySampler(app.ResidentMiB);
        // One operator account; each virtual user signs in with it through the sign-in form, as a person would.
        var account = await app.AddOperatorAsync();
        using var setup = await SignIn.SignedInAsync(app.CreateClient(), account);
        await EnrollAsync(app, setup);

        var uploadsBefore = new List<long>();
        foreach (var _ in Enumerable.Range(0, 2))
            uploadsBefore.Add(await UploadAndWaitAsync(app, setup, photos.Take()!.Value, null, null));

        var idle = await ProbeIdleAsync(setup, settings.ProbedPage, 200);
        await using var apart = await ApartProber.StartAsync(app.BaseAddress, account, settings.ProbedPage);

        var upload = new Latencies();
        var busy = new Latencies();
        var userPages = new Latencies();
        var errors = new Errors();
        var processed = new List<long>();
        var gcBefore = GcDuringLoad.Snapshot();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Seconds));
        var loadStart = DateTime.UtcNow;
        await apart.StartProbingAsync();
        var clock = Stopwatch.StartNew();
        var lastDone = TimeSpan.Zero;
        var users = Enumerable.Range(0, settings.Users).Select(_ => Task.Run(async () =>
        {
            using var client = await SignIn.SignedInAsync(app.CreateClient(), account);
            while (!stop.IsCancellationRequested && photos.Take() is { } photo)
            {
                try
                {
                    var id = await UploadAndWaitAsync(app, client, photo, upload, userPages);
                    lock (processed)
                    {
                        processed.Add(id);
                        lastDone = clock.Elapsed;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add(e.Message);
                }
            }
        })).ToList();
        var prober = Task.Run(async () =>
        {
            using var client = await SignIn.SignedInAsync(app.CreateClient(), account);
            while (!stop.IsCancellationRequested)
                await TimeProbeAsync(client, settings.ProbedPage, busy);
        });
        await Task.WhenAll(users);
        await prober;
        var busyApart = await apart.StopProbingAsync();
        var loadEnd = DateTime.UtcNow;
        var gc = GcDuringLoad.Since(gcBefore, clock.Elapsed);
        var photosPerSecond = processed.Count / lastDone.TotalSeconds;
        // As many probes as under load, so both p99s rest on the same number of slow samples.
        var idleAfter = await ProbeIdleAsync(setup, settings.ProbedPage, busy.Count);
        var idleAfterApartStart = DateTime.UtcNow;
        var idleAfterApart = await apart.ProbeAsync(busyApart.Times.Count);
        var idleAfterApartEnd = DateTime.UtcNow;
        GcTailShare? appGcShare = null;
        if (appGc is not null)
        {
            await appGc.DisposeAsync(); // the session's end flushes its last events
            appGcShare = GcTailShare.Of(appGc.PausesBetween(loadStart, loadEnd), appGc.AllocationsBetween(loadStart, loadEnd), (loadEnd - loadStart).TotalSeconds,
                busyApart.Samples, idleAfterApart.Times.Percentile(0.99)) with
            {
                // With every photo done only the prober asks anything of the app, so this is what one page costs it.
                IdlePageAllocations = appGc.AllocationsBetween(idleAfterApartStart, idleAfterApartEnd),
                BytesPerIdlePage = appGc.AllocationsBetween(idleAfterApartStart, idleAfterApartEnd).Sum(a => a.Bytes) / (double)idleAfterApart.Times.Count,
            };
        }

        var failedStages = await CountFailedAsync(app.Photos, processed);
        for (var i = 0; i < failedStages; i++)
            errors.Add("a photo's pipeline stage failed");

        Throughput? throughput = null;
        if (mode == PipelineMode.Background && settings.ThroughputPhotos > 0)
            throughput = await Throughput.MeasureAsync(app, setup, photos, settings.ThroughputPhotos);

        if (app.InThisProcess)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var settled = app.ResidentMiB();
        var jobs = await app.JobHistoryAsync();
        var handOffs = await HandOffs.ReadAsync(jobs, app.Photos, processed);
        if (throughput is not null)
            throughput = throughput with { Stages = await StageTimes.ReadAsync(jobs, app.Photos, throughput.PhotoIds) };
        return new ModeResult(mode.ToString(), app.Description, upload, idle, busy, idleAfter, busyApart, idleAfterApart, gc, app.InThisProcess, appGcShare, userPages, processed.Count + errors.Count, processed.Count,
            photosPerSecond, errors.Count, errors.First, memory.PeakMiB, settled, handOffs, throughput);
    }

    internal static async Task EnrollAsync(AppUnderLoad app, HttpClient client)
    {
        using var response = await client.PostFormAsync(
            "/People", [("Name", "Sheldon Cooper"), ("RecheckEarlierPhotos", "false")], [FormClient.FileAt(TestPaths.Identity("sheldon", 1))]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Adding the watchlist person answered {(int)response.StatusCode}.");
        await Until(async () => (await app.People.ListReferenceEmbeddingsAsync()).Count > 0, TimeSpan.FromMinutes(2), "enrollment");
    }

    /// <summary>Posts the upload form (timed alone), then polls the photo's status as its page does until it is done.</summary>
    internal static async Task<long> UploadAndWaitAsync(AppUnderLoad app, HttpClient client, (string Name, byte[] Content) photo, Latencies? upload, Latencies? pages)
    {
        using var form = await client.LoadFormAsync("/", [], [photo]);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/", form);
        upload?.Add(watch.Elapsed.TotalMilliseconds);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || PhotoLocation().Match(location) is not { Success: true } match)
            throw new InvalidOperationException($"Upload of {photo.Name} answered {(int)response.StatusCode} {location}");

        var id = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            watch.Restart();
            var status = await client.GetStringAsync($"/Photos/{id}?handler=Status");
            pages?.Add(watch.Elapsed.TotalMilliseconds);
            if (JsonDocument.Parse(status).RootElement.GetProperty("finished").GetBoolean())
                return id;
            if ((await app.Photos.GetAsync(id))?.LastError is { } error)
                throw new InvalidOperationException($"Photo {id}: {error}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Photo {id} not done after 5 minutes: {status}");
            await Task.Delay(500);
        }
    }

    /// <summary>The probed page <paramref name="times"/> times, 50 ms apart, as the prober under load loads it.</summary>
    private static async Task<Latencies> ProbeIdleAsync(HttpClient client, string page, int times)
    {
        var idle = new Latencies();
        for (var i = 0; i < times; i++)
            await TimeProbeAsync(client, page, idle);

        return idle;
    }

    /// <summary>One timed load of <paramref name="url"/> (kept when it succeeds), then the prober's 50 ms pause.</summary>
    internal static async Task TimeProbeAsync(HttpClient client, string url, Latencies into, List<ProbeSample>? samples = null)
    {
        var start = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        using (var response = await client.GetAsync(url))
        {
            await response.Content.ReadAsByteArrayAsync();
            if (response.IsSuccessStatusCode)
            {
                var elapsed = watch.Elapsed.TotalMilliseconds;
                into.Add(elapsed);
                samples?.Add(new ProbeSample(start, elapsed));
            }
        }

        await Task.Delay(50);
    }

    private static async Task<int> CountFailedAsync(IPhotoRepository photos, IEnumerable<long> photoIds)
    {
        var failed = 0;
        foreach (var id in photoIds)
        {
            var photo = await photos.GetAsync(id);
            if (photo is null || new[] { photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus }.Contains(StageStatus.Failed))
                failed++;
        }

        return failed;
    }

    internal static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"/Photos/(\d+)")]
    private static partial Regex PhotoLocation();

    private sealed class Errors
    {
        private readonly List<string> _messages = [];

        public int Count
        {
            get
            {
                lock (_messages)
                    return _messages.Count;
            }
        }

        public string? First
        {
            get
            {
                lock (_messages)
                    return _messages.FirstOrDefault();
            }
        }

        public void Add(string message)
        {
            lock (_messages)
                _messages.Add(message);
        }
    }
}
