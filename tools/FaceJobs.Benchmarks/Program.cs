using System.Globalization;
using System.Runtime.InteropServices;
using FaceJobs.Benchmarks;
using FaceJobs.Core.Faces;
using FaceJobs.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

// Usage: FaceJobs.Benchmarks [--photo sample.jpg] [--threads n] [--out docs/benchmarks.md]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
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
