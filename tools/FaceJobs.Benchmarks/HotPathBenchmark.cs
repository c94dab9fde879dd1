using System.Diagnostics;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Benchmarks;

/// <summary>The pipeline changes measured before and after, in one run, with the app's own vision services.</summary>
internal static class HotPathBenchmark
{
    public static async Task RunAsync(ModelPathResolver resolver, byte[] photo, StageTimer timer)
    {
        using var services = new ServiceCollection().AddFaceJobsVision(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var analyzer = services.GetRequiredService<IFaceAnalyzer>();
        var blazeFace = services.GetRequiredService<BlazeFaceDetector>();
        var options = new FaceOptions();
        Console.WriteLine("| change | before, median ms | after, median ms |");
        Console.WriteLine("| --- | ---: | ---: |");

        // An upload without a face (the sample photo blurred until the detector finds none), as the detect job sees it:
        // tiling on.
        using var noFace = FaceAnalyzer.DecodeUpright(photo);
        for (var sigma = 10f; analyzer.DetectFaces(noFace).Count > 0; sigma *= 2)
            noFace.Mutate(x => x.GaussianBlur(sigma));
        var paddedRetry = new DownscalingFaceDetector(new TightCropFaceDetector(blazeFace), options.MaxDetectionSide);
        var before = timer.Time(5, () => paddedRetry.Detect(noFace));
        var after = timer.Time(5, () => analyzer.DetectFaces(noFace));
        Row("detect an upload with no face: padded-canvas retry -> none", before.Median, after.Median);

        // Enrollment of a reference photo: decoded once for detection and again for embedding, now once.
        before = timer.Time(10, () =>
        {
            using var forDetection = FaceAnalyzer.DecodeUpright(photo);
            var main = analyzer.DetectReferenceFaces(forDetection).MaxBy(f => f.Face.Box.Width)!;
            using var forEmbedding = FaceAnalyzer.DecodeUpright(photo);
            analyzer.EmbedFaces(forEmbedding, [main.Face]);
        });
        after = timer.Time(10, () =>
        {
            using var image = FaceAnalyzer.DecodeUpright(photo);
            var main = analyzer.DetectReferenceFaces(image).MaxBy(f => f.Face.Box.Width)!;
            analyzer.EmbedFaces(image, [main.Face]);
        });
        Row($"enroll a {noFace.Width}×{noFace.Height} reference: decode twice -> once", before.Median, after.Median);

        // The recognize job of a photo detected in this process: it decoded the photo again, now the detect job hands
        // the decoded image over (DecodedPhotoHandOff). The stored faces are the detect job's.
        using (var detected = FaceAnalyzer.DecodeUpright(photo))
        {
            var faces = analyzer.DetectFaces(detected).Select(f => f.Face).ToList();
            before = timer.Time(10, () =>
            {
                using var decoded = FaceAnalyzer.DecodeUpright(photo);
                analyzer.EmbedFaces(decoded, faces);
            });
            after = timer.Time(10, () => analyzer.EmbedFaces(detected, faces));
            Row($"recognize {faces.Count} faces of a {detected.Width}×{detected.Height} photo: decode again -> handed-off image", before.Median, after.Median);
        }

        await EmbeddingWritesAsync();
    }

    private static async Task EmbeddingWritesAsync()
    {
        var folder = Directory.CreateTempSubdirectory("facejobs-writes-");
        try
        {
            var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(folder.FullName, "facejobs.db")}");
            await new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            var photos = new DapperPhotoRepository(connections);
            var faces = new DapperFaceRepository(connections);
            var photoId = (await photos.AddAsync(new NewPhoto("h", "p.jpg", "image/jpeg", 10, 10, 1), [1])).Id;
            await faces.ReplaceFacesAsync(photoId, Enumerable.Range(0, 5).Select(i => new NewFace(i, i, 0, 10, 10, 0.9f, [], [])).ToList());
            var stored = await faces.ListByPhotoAsync(photoId);
            var descriptor = new byte[512];
            var before = await TimeAsync(30, async () =>
            {
                foreach (var face in stored)
                    await faces.SetEmbeddingAsync(face.Id, descriptor);
            });
            var after = await TimeAsync(30, () => faces.SetEmbeddingsAsync(stored.Select(f => new NewFaceEmbedding(f.Id, descriptor)).ToList()));
            Row("store 5 faces' descriptors on SQLite: a connection and commit each -> one transaction", before, after);
            SqliteConnection.ClearAllPools();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 3; i++)
            await action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    private static void Row(string change, double before, double after) =>
        Console.WriteLine($"| {change} | {before:F2} | {after:F2} |");
}
