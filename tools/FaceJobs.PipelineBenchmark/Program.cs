using System.Diagnostics;
using System.Globalization;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.PipelineBenchmark;
using FaceJobs.Testing;
using Microsoft.Extensions.Configuration;

// Measures what a person feels: how long the upload request takes, how long until the alert mail arrives, and how
// fast an ordinary page answers while the workers are busy compared with when they are idle — in one run.
// Usage: dotnet run -c Release --project tools/FaceJobs.PipelineBenchmark -- <reference.jpg> <photo-with-person.jpg> [rounds]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FaceJobs.PipelineBenchmark <reference photo of one person> <photo with that person> [rounds=10]");
    return 2;
}

var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
await using var smtp = new SmtpTestServer();
// Started as the tests start it, but measured as shipped: production environment, the Hangfire poll interval from
// appsettings.json rather than the tests' faster one, alerts sent over SMTP.
await using var app = await AppHost.StartAsync(new Dictionary<string, string>
{
    ["environment"] = "Production",
    ["Hangfire:SqlitePollIntervalMilliseconds"] = AppSetting("Hangfire:SqlitePollIntervalMilliseconds"),
    ["Alerts:SmtpHost"] = "127.0.0.1",
    ["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
    ["Alerts:SmtpSecurity"] = "None",
    ["Logging:LogLevel:Hangfire"] = "Warning",
});
// Signs in like a person: an Operator account made by the app, then the sign-in form.
using var http = await app.CreateSignedInClientAsync();
var client = new PageTimer(http);
var photos = app.Get<IPhotoRepository>();

var personId = await client.AddPersonAsync("Benchmark Person", args[0]);
await Until(async () => (await app.Get<IPersonRepository>().ListReferenceEmbeddingsAsync(personId)).Count > 0, "enrollment");

var idle = await client.MeasurePageAsync("/Photos", 30);
var uploadMs = new List<double>();
var alertMs = new List<double>();
var busy = new List<double>();
var photoBytes = await File.ReadAllBytesAsync(args[1]);
for (var round = 0; round < rounds; round++)
{
    // A unique comment segment makes each upload new bytes, so none is skipped as a repeat.
    var bytes = JpegVariant.WithComment(photoBytes, $"round {round} {Guid.NewGuid()}");
    var mailsBefore = smtp.Count;
    var clock = Stopwatch.StartNew();
    var (photoId, postMs) = await client.UploadAsync("photo.jpg", bytes);
    uploadMs.Add(postMs);
    var pageTimes = client.MeasurePageWhileAsync("/Photos", () => smtp.Count == mailsBefore);
    await Until(() => Task.FromResult(smtp.Count > mailsBefore), $"alert for photo {photoId}");
    alertMs.Add(clock.Elapsed.TotalMilliseconds);
    busy.AddRange(await pageTimes);
    await Until(async () => (await photos.GetAsync(photoId))?.AlertStatus == StageStatus.Succeeded, $"photo {photoId}'s alert stage to succeed");
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeVersion()}");
Console.WriteLine($"rounds: {rounds}, photo {Path.GetFileName(args[1])} ({photoBytes.Length / 1024} KiB)");
Print("upload request (POST /, until redirect)", uploadMs);
Print("form load + upload to alert mail received", alertMs);
Print("GET /Photos, workers idle", idle);
Print("GET /Photos, while a photo is processed", busy);
Console.WriteLine($"busy/idle median page latency ratio: {Median(busy) / Median(idle):0.00}");
return 0;

static void Print(string what, List<double> ms) =>
    Console.WriteLine($"{what,-45} n={ms.Count,4}  median {Median(ms),8:0.0} ms  p95 {Percentile(ms, 0.95),8:0.0} ms  max {ms.Max(),8:0.0} ms");

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

static async Task Until(Func<Task<bool>> condition, string what)
{
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (!await condition())
    {
        if (DateTime.UtcNow > deadline)
            throw new TimeoutException("Timed out waiting for " + what);
        await Task.Delay(10);
    }
}

static string AppSetting(string key) =>
    new ConfigurationBuilder().AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.json")).Build()[key]
    ?? throw new InvalidOperationException($"{key} is not in appsettings.json");

static string RuntimeVersion() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
