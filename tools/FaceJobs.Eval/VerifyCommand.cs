using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using FaceJobs.Evaluation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Eval;

/// <summary>
/// Face verification: same-or-not decisions for image pairs at a distance threshold, over every pair of a
/// <c>folder/identity/image</c> tree or the rows of a <c>--pairs</c> file (<c>img1,img2[,same]</c>, paths relative to
/// the folder). Reports 10-fold cross-validated accuracy, the best threshold on all pairs and the configured one.
/// The face a photo stands for is the detected face nearest its centre (<see cref="PairFace.Central"/>): LFW crops each
/// photo around the named person, and the largest face is sometimes someone beside them.
/// </summary>
internal sealed class VerifyCommand(CommandLine arguments)
{
    private static readonly float[] Thresholds = [0.5f, 0.55f, 0.58f, 0.6f, 0.65f];

    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        using var vision = VisionArguments.Create(arguments);
        Console.WriteLine(vision.Describe());

        var pairs = arguments.Text("--pairs") is { } pairsFile ? PairsFile.Read(pairsFile, folder) : AllPairs(folder);
        if (arguments.Float("--every") is { } every)
            pairs = pairs.Where((_, i) => i % (int)every == 0).ToList();
        var faceChoice = Enum.Parse<PairFace>(arguments.Text("--face") ?? nameof(PairFace.Central), ignoreCase: true);
        Console.WriteLine($"face of a photo: {faceChoice}");
        // --decision mirror-distances (evaluation only; the app stores one descriptor a face): the mean of the distances
        // chip to chip and mirror to mirror, instead of the distance between mirror-averaged descriptors.
        var mirrorDistances = arguments.Text("--decision") switch
        {
            null or "mean-descriptor" => false,
            "mirror-distances" => true,
            var other => throw new ArgumentException($"--decision mean-descriptor|mirror-distances, got '{other}'."),
        };
        var descriptors = Embed(pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().Order(StringComparer.Ordinal).ToList(), vision, faceChoice, mirrorDistances);
        var scored = pairs.Select(p => new ScoredPair(p.Same,
            descriptors[p.A] is { } a && descriptors[p.B] is { } b ? MeanDistance(a, b) : null)).ToList();
        var failed = scored.Count(p => p.Distance is null);

        var same = scored.Where(s => s.Same && s.Distance is not null).Select(s => s.Distance!.Value).Order().ToList();
        var different = scored.Where(s => !s.Same && s.Distance is not null).Select(s => s.Distance!.Value).Order().ToList();
        Console.WriteLine($"pairs: {scored.Count} ({scored.Count(s => s.Same)} same person, {scored.Count(s => !s.Same)} different people); " +
            $"{failed} without a face in one photo, counted as wrong at every threshold");
        Console.WriteLine($"same-person distance: {Spread(same)}");
        Console.WriteLine($"different-people distance: {Spread(different)}");
        foreach (var t in Thresholds)
            Console.WriteLine(Describe("  at", t, scored));

        Console.WriteLine(Describe("best threshold on all pairs (optimistic)", Verification.BestThreshold(scored), scored));
        var configured = arguments.Float("--threshold") ?? new RecognitionOptions().MatchThreshold;
        Console.WriteLine(Describe("configured threshold", configured, scored));
        var folds = (int)(arguments.Float("--folds") ?? CrossValidation.DefaultFolds);
        var cv = CrossValidation.Run(scored, folds);
        Console.WriteLine($"{folds}-fold cross-validated accuracy (threshold chosen on the other folds): {cv.Mean:F4} ± {cv.StandardDeviation:F4}; " +
            $"thresholds {cv.Folds.Min(f => f.Threshold):F3}–{cv.Folds.Max(f => f.Threshold):F3}");
        Console.WriteLine($"accuracy={cv.Mean:F4}");
        return 0;
    }

    private static float MeanDistance(float[][] a, float[][] b) =>
        a.Zip(b, (x, y) => DescriptorDistance.Euclidean(x, y)).Average();

    /// <summary>
    /// Descriptor of each image's chosen face (the recognizer's for its chip and its mirror, with
    /// <paramref name="mirrorDistances"/>), or null when no face is found.
    /// </summary>
    private Dictionary<string, float[][]?> Embed(List<string> images, Vision vision, PairFace faceChoice, bool mirrorDistances)
    {
        var descriptors = new Dictionary<string, float[][]?>();
        var dump = arguments.Text("--dump-chips");
        var cache = arguments.Text("--detections") is { } file ? new DetectionCache(file, vision.DescribeDetector()) : null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var path in images)
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
            var faces = cache is null ? vision.Detector.Detect(image) : cache.Detect(path, () => vision.Detector.Detect(image));
            if (PairFaceChoice.Choose(faces, image.Width, image.Height, faceChoice) is not { } face)
            {
                descriptors[path] = null;
                Console.WriteLine($"no face found: {path}");
                continue;
            }

            using var chip = vision.Aligner.Align(image, face, vision.Embedder.ChipSize);
            if (dump is not null)
                chip.SaveAsPng(Path.Combine(dump, Identity(path) + "_" + Path.GetFileNameWithoutExtension(path) + ".png"));
            if (mirrorDistances)
            {
                using var mirror = chip.Clone(x => x.Flip(FlipMode.Horizontal));
                descriptors[path] = [.. vision.Recognizer.Embed([chip, mirror])];
            }
            else
            {
                descriptors[path] = [vision.Embedder.Embed([chip])[0]];
            }
        }

        cache?.Save();
        Console.WriteLine($"images: {images.Count}, no face found in {descriptors.Values.Count(d => d is null)}; " +
            $"{clock.Elapsed.TotalMilliseconds / Math.Max(1, images.Count):F0} ms per image (decode, {(cache is null || cache.Hits < images.Count ? "detect" : "detections from the file")}, align, embed)");
        return descriptors;
    }

    private static string Describe(string label, float threshold, List<ScoredPair> scored)
    {
        var (falseAccepts, different, falseRejects, same) = Verification.Errors(scored, threshold);
        return $"{label} {threshold:F3}: accuracy {Verification.Accuracy(scored, threshold):F4}, " +
            $"false accepts {Rate(falseAccepts, different)} ({falseAccepts}), false rejects {Rate(falseRejects, same)} ({falseRejects})";
    }

    private static string Spread(List<float> sorted) =>
        sorted.Count == 0 ? "–" : $"min {sorted[0]:F3} median {sorted[sorted.Count / 2]:F3} max {sorted[^1]:F3}";

    private static string Rate(int count, int total) => total == 0 ? "n/a" : $"{(double)count / total:F4}";

    private static string Identity(string path) => Path.GetFileName(Path.GetDirectoryName(path))!;

    private static List<(string A, string B, bool Same)> AllPairs(string folder)
    {
        var images = Directory.GetDirectories(folder)
            .SelectMany(dir => Directory.GetFiles(dir).Where(PairsFile.IsImage))
            .Order(StringComparer.Ordinal)
            .ToList();
        return images.SelectMany((a, i) => images.Skip(i + 1).Select(b => (a, b, Identity(a) == Identity(b)))).ToList();
    }
}

/// <summary>
/// A pairs file: <c>img1,img2,same</c> rows (LFW style, <c>same</c> 1 or 0) with paths relative to the image folder; a
/// header row is skipped. Without a third column, pairs are the same person when both images sit in one folder.
/// </summary>
internal static class PairsFile
{
    public static List<(string A, string B, bool Same)> Read(string file, string folder) =>
        File.ReadLines(file)
            .Select(line => line.Split(',').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 2 && IsImage(cells[0]))
            .Select(cells => (A: Path.GetFullPath(Path.Combine(folder, cells[0])), B: Path.GetFullPath(Path.Combine(folder, cells[1])), Cells: cells))
            .Select(p => (p.A, p.B, p.Cells.Length >= 3
                ? p.Cells[2] switch { "1" => true, "0" => false, _ => throw new FormatException($"{file}: 'same' must be 1 or 0, got '{p.Cells[2]}'.") }
                : Path.GetDirectoryName(p.A) == Path.GetDirectoryName(p.B)))
            .ToList();

    public static bool IsImage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".bmp" or ".webp";
}
