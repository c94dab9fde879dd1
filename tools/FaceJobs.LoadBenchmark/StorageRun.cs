using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;
using FaceJobs.Testing;
using FaceJobs.Web.Pages;

namespace FaceJobs.LoadBenchmark;

/// <summary>One storage setup as separate app processes: SQLite in one process, or PostgreSQL with a web and N workers.</summary>
internal sealed record StorageSetup(string Name, bool PostgreSql, int Workers);

internal sealed record StorageResult(StorageSetup Setup, int Photos, Latencies Upload, double PhotosPerSecond, HandOffs HandOffs, int Failed);

/// <summary>
/// The same distinct photos through each setup, all in one run: the app is started as operating-system processes
/// (as deployed: <c>FaceJobs:Role</c> All on SQLite; Web plus Worker processes on PostgreSQL), a watchlist person is
/// enrolled through the form, then <c>uploaders</c> clients post the photos through the upload form. Measured: each
/// upload POST until its redirect, photos/s from the first upload to the last photo finished, and the stage hand-offs
/// from Hangfire's state history. Settings are appsettings.json's (polling intervals as shipped). The processes are
/// <see cref="ProcessApp"/>'s, as the load runs' <c>--hosting process</c> and <c>web-and-worker</c>.
/// </summary>
internal static partial class StorageRun
{
    public static async Task<StorageResult> RunAsync(StorageSetup setup, PhotoVariants photos, int count, int uploaders)
    {
        await using var smtp = new SmtpTestServer();
        var settings = new Dictionary<string, string>
        {
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:SmtpSecurity"] = "None",
            ["Alerts:Recipients:0"] = "watch-desk@bench.local",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var roles = setup.PostgreSql ? ["Web", .. Enumerable.Repeat("Worker", setup.Workers)] : new[] { "All" };
        await using var app = await ProcessApp.StartAsync(settings, roles, setup.PostgreSql);
        var account = await app.AddOperatorAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < uploaders; i++)
            clients.Add(await SignIn.SignedInAsync(app.CreateClient(), account));
        await ModeRun.EnrollAsync(app, clients[0]);

        var upload = new Latencies();
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (photos.Take() is { } photo)
            {
                if (ids.Count >= count)
                    return;
                ids.Add(await UploadAsync(client, photo, upload));
            }
        })));
        await ModeRun.Until(async () =>
        {
            foreach (var id in ids)
            {
                if (await app.Photos.GetAsync(id) is not { } p || !p.AlertStatus.IsFinished() || !p.RecognizeStatus.IsFinished())
                    return false;
            }

            return true;
        }, TimeSpan.FromMinutes(15), $"{ids.Count} photos on {setup.Name}");
        var seconds = clock.Elapsed.TotalSeconds;
        clients.ForEach(c => c.Dispose());

        var failed = 0;
        foreach (var id in ids)
            failed += (await app.Photos.GetAsync(id))!.LastError is null ? 0 : 1;

        var handOffs = await HandOffs.ReadAsync(await app.JobHistoryAsync(), app.Photos, ids);
        return new StorageResult(setup, ids.Count, upload, ids.Count / seconds, handOffs, failed);
    }

    private static async Task<long> UploadAsync(HttpClient client, (string Name, byte[] Content) photo, Latencies upload)
    {
        using var form = await client.LoadFormAsync("/", [], [photo]);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/", form);
        upload.Add(watch.Elapsed.TotalMilliseconds);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && PhotoLocation().Match(location) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Upload of {photo.Name} answered {(int)response.StatusCode} {location}");
    }

    [GeneratedRegex(@"^/Photos/(\d+)$")]
    private static partial Regex PhotoLocation();
}
