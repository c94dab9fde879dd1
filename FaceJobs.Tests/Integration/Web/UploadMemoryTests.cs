using System.Net;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>
/// Four maximal upload requests at once (20 photos of just under 20 MiB each, 1.6 GB in all) against the app in its
/// own process: its resident memory stays under 1 GB, and afterwards gives back at least half of what the burst took.
/// Role Web, so no inference runs and what is measured is the upload path alone.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UploadMemoryTests(ITestOutputHelper output)
{
    private const long OneGigabyte = 1L << 30;

    [Fact]
    public async Task FourMaximalUploadsAtOnce_KeepResidentMemoryUnderOneGigabyteAndGiveItBack()
    {
        var limits = new UploadOptions();
        var files = Enumerable.Range(0, limits.MaxFilesPerRequest).Select(i => ($"noise-{i}.png", NoisePng(i, limits.MaxFileBytes))).ToArray();
        var data = Directory.CreateTempSubdirectory("facejobs-memory-").FullName;
        try
        {
            using var app = await AppProcess.StartAsync(data, new Dictionary<string, string>
            {
                ["FaceJobs:Role"] = "Web",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            var clients = new List<HttpClient>();
            for (var i = 0; i < 4; i++)
                clients.Add(await app.CreateSignedInClientAsync());
            var before = app.ResidentBytes();

            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, app.ResidentBytes());
                    await Task.Delay(50);
                }
            });
            var responses = await Task.WhenAll(clients.Select(client => Task.Run(() => client.UploadAsync(files))));
            await sampling.CancelAsync();
            await sampler;

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
            Assert.True(peak < OneGigabyte, $"peak resident memory {Mb(peak)}, before {Mb(before)}");

            var halfWayBack = before + (peak - before) / 2;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var after = app.ResidentBytes();
            while (after > halfWayBack && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
                after = app.ResidentBytes();
            }

            output.WriteLine($"resident memory: before {Mb(before)}, peak {Mb(peak)}, {Mb(after)} after {waited.Elapsed.TotalSeconds:0.0} s");
            Assert.True(after <= halfWayBack, $"resident memory {Mb(after)} 30 s after the uploads; before {Mb(before)}, peak {Mb(peak)}");
            foreach (var client in clients)
                client.Dispose();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0} MiB";

    /// <summary>A PNG of random pixels (PNG cannot compress them) of just under <paramref name="maxBytes"/>.</summary>
    private static byte[] NoisePng(int seed, long maxBytes)
    {
        var side = (int)Math.Sqrt(maxBytes / 3.0 * 0.98);
        using var image = new Image<Rgb24>(side, side);
        var random = new Random(seed);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.GetRowSpan(y)));
        });
        using var png = new MemoryStream();
        image.Save(png, new PngEncoder { CompressionLevel = PngCompressionLevel.BestSpeed, FilterMethod = PngFilterMethod.None });
        return png.Length <= maxBytes ? png.ToArray() : throw new InvalidOperationException($"noise PNG is {png.Length} bytes");
    }
}
