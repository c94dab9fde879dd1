using System.Globalization;
using System.Runtime.InteropServices;
using FaceJobs.Benchmarks;
using FaceJobs.Core.Faces;
using FaceJobs.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

// Usage: FaceJobs.Benchmarks [--photo sample.jpg] [--threads n] [--out docs/benchmarks.md]
//        FaceJobs.Benchmarks search [sizes, default 1000 10000 100000]   (1:N watchlist search, ms per query face)
//        FaceJobs.Benchmarks session                                    (ONNX Runtime session options side by side)
//        FaceJobs.Benchmarks hotpath                                    (the pipeline fixes, before and after)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.FirstOrDefault() == "search")
{
    var sizes = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList() : [1_000, 10_000, 100_000];
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {LoadAverage()}, {RuntimeInformation.FrameworkDescription}");
    Console.WriteLine("| references | matcher before, ms/query | index, ms/query | per photo before (SQLite read + match), ms | per photo now (watchlist_version + index), ms |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
    await SearchBenchmark.RunAsync(sizes);
    return 0;
}

if (args.FirstOrDefault() is "session" or "hotpath")
{
    var modelResolver = new ModelPathResolver();
    var sample = File.ReadAllBytes(TestPaths.Sample(1));
    using var decoded = FaceAnalyzer.DecodeUpright(sample);
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {LoadAverage()}, {RuntimeInformation.FrameworkDescription}");
    if (args[0] == "session")
    {
        using var probe = new BlazeFaceDetector(modelResolver.Resolve(new FaceOptions().DetectorModelPath), new FaceOptions());
        using var probeChip = new SimilarityFaceAligner().Align(decoded, probe.Detect(decoded, tiling: null)[0], 150);
        Console.WriteLine("| session settings | detect 1 inference, median ms | embed 2 chips, median ms |");
        Console.WriteLine("| --- | ---: | ---: |");
        SessionBenchmark.Run(modelResolver, decoded, probeChip, new StageTimer());
    }
    else
    {
        await HotPathBenchmark.RunAsync(modelResolver, sample, new StageTimer());
    }

    return 0;
}

var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a, p => args[p.i + 1]);
var resolver = new ModelPathResolver();
var photoPath = options.GetValueOrDefault("--photo") ?? TestPaths.Sample(1);
var outPath = options.GetValueOrDefault("--out") ?? Path.Combine(TestPaths.Docs, "benchmarks.md");
var faceOptions = new FaceOptions { IntraOpThreads = int.Parse(options.GetValueOrDefault("--threads") ?? "1", CultureInfo.InvariantCulture) };
faceOptions.Tiling.Enabled = false;

var loadBefore = LoadAverage();
var photo = File.ReadAllBytes(photoPath);
using var detector = new BlazeFaceDetector(resolver.Resolve(faceOptions.DetectorModelPath), faceOptions);
using var embedder = new OnnxFaceEmbedder(resolver.Resolve(faceOptions.RecognizerModelPath), faceOptions.IntraOpThreads);
var aligner = new SimilarityFaceAligner();
using var image = FaceAnalyzer.DecodeUpright(photo);
var faces = detector.Detect(image);
var face = faces[0];
using var chip = aligner.Align(image, face, embedder.ChipSize);
var tiling = new FaceTilingOptions { Enabled = true };
using var small = image.Clone(x => x.Resize(256, 256));

var bench = new StageTimer();
var rows = new List<string>
{
    bench.Measure($"decode JPEG {image.Width}×{image.Height} + EXIF orient", 30, () => FaceAnalyzer.DecodeUpright(photo).Dispose()),
    bench.Measure("detect, whole image (1 inference)", 50, () => detector.Detect(image, tiling: null)),
    bench.Measure("detect on a 256×256 image (≈ inference alone)", 50, () => detector.Detect(small, tiling: null)),
    bench.Measure($"detect with tiling ({tiling.TileSize} px pyramid, {BlazeFaceDetector.InferencesFor(image.Size(), tiling)} inferences)", 10,
        () => detector.Detect(image, tiling)),
    bench.Measure("align 1 face (150×150 chip)", 100, () => aligner.Align(image, face, embedder.ChipSize).Dispose()),
    bench.Measure("embed 1 face", 30, () => embedder.Embed([chip])),
};

var throughput = new List<string>();
foreach (var batchSize in new[] { 1, 4, 8, 16 })
{
    var batch = Enumerable.Repeat(chip, batchSize).ToList();
    var stats = bench.Time(Math.Max(4, 64 / batchSize), () => embedder.Embed(batch));
    throughput.Add($"| {batchSize} | {stats.Median:F1} | {batchSize * 1000 / stats.Median:F1} |");
    Console.WriteLine($"batch {batchSize}: {stats.Median:F1} ms, {batchSize * 1000 / stats.Median:F1} faces/s");
}

var markdown = $"""
    # Vision benchmarks

    Measured by `dotnet run -c Release --project tools/FaceJobs.Benchmarks` (Stopwatch, warm-up runs first, then the
    median and mean of many runs). One process, one thread per inference (`Faces:IntraOpThreads` = {faceOptions.IntraOpThreads}),
    ONNX Runtime CPU.

    - Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}
    - Photo: `{Path.GetFileName(photoPath)}` ({image.Width}×{image.Height}, {photo.Length / 1024} KiB, {faces.Count} faces)
    - Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average before the run: {loadBefore} (a shared machine
      inflates every number alike; compare rows of one run, not runs of different machines)

    ## Milliseconds per stage

    | stage | runs | median ms | mean ms |
    | --- | ---: | ---: | ---: |
    {string.Join("\n", rows)}

    ## Embedding throughput by batch size

    | batch | median ms per batch | faces/s |
    | ---: | ---: | ---: |
    {string.Join("\n", throughput)}

    """;
Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
File.WriteAllText(outPath, markdown);
Console.WriteLine($"written to {outPath}");
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
