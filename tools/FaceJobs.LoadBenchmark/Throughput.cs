using System.Diagnostics;
using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using FaceJobs.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// The same photos twice, one after the other: raw (decode, detect, align, embed, match with the app's own vision
/// singletons and watchlist index, one photo per core at once, no Hangfire, no database)
/// and through the pipeline (all uploaded at once through the form, until the last one's alert stage is done).
/// </summary>
internal sealed record Throughput(
    int Photos, int Parallelism, double RawPhotosPerSecond, double PipelinePhotosPerSecond, IReadOnlyList<long> PhotoIds, double RawAllocatedMiBPerPhoto)
{
    public double Ratio => PipelinePhotosPerSecond / RawPhotosPerSecond;

    /// <summary>Core-milliseconds per photo in the raw run: its wall time times the cores busy, over the photos.</summary>
    public double RawCoreMillisecondsPerPhoto => 1000.0 * Parallelism / RawPhotosPerSecond;

    /// <summary>Job time per stage, read from the jobs' history once the run is over (<see cref="AppUnderLoad.JobHistoryAsync"/>).</summary>
    public StageTimes? Stages { get; init; }

    public static async Task<Throughput> MeasureAsync(AppUnderLoad app, HttpClient client, PhotoVariants variants, int count)
    {
        var photos = Enumerable.Range(0, count).Select(_ => variants.Take() ?? throw new InvalidOperationException("Too few photo variants.")).ToList();
        // The machine's floor: every core busy on the models.
        var parallelism = Environment.ProcessorCount;

        var analyzer = app.Vision.GetRequiredService<IFaceAnalyzer>();
        var matcher = app.Vision.GetRequiredService<WatchlistMatcher>();
        var watchlist = app.Vision.GetRequiredService<WatchlistIndex>();
        // Managed allocations only: decoded images and model sessions' buffers live in native memory.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var raw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(photos, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (photo, cancellationToken) =>
        {
            using var image = FaceAnalyzer.DecodeUpright(photo.Content);
            var found = analyzer.DetectFaces(image);
            var descriptors = analyzer.EmbedFaces(image, found.Select(f => f.Face).ToList());
            var faces = descriptors.Select((d, i) => new FaceEmbedding(i, 0, i, DescriptorBlob.ToBytes(d))).ToList();
            matcher.Match(faces, await watchlist.GetAsync(cancellationToken));
        });
        var rawSeconds = raw.Elapsed.TotalSeconds;
        var allocatedMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;

        var ids = new List<long>();
        var pipeline = Stopwatch.StartNew();
        foreach (var photo in photos)
        {
            using var response = await client.UploadAsync(photo);
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}.");
            ids.Add(long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        }

        await ModeRun.Until(async () =>
        {
            foreach (var id in ids)
            {
                var photo = await app.Photos.GetAsync(id);
                if (photo is null || photo.AlertStatus is not (StageStatus.Succeeded or StageStatus.Skipped))
                    return false;
            }

            return true;
        }, TimeSpan.FromMinutes(10), "the throughput photos");
        return new Throughput(count, parallelism, count / rawSeconds, count / pipeline.Elapsed.TotalSeconds, ids, allocatedMiB / count);
    }
}
