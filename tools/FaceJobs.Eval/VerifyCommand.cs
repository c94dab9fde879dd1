using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Eval;

/// <summary>Face verification over <c>folder/identity/image</c>: same-or-not decisions for image pairs at a distance threshold.</summary>
internal sealed class VerifyCommand(CommandLine arguments)
{
    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        using var vision = new Vision(arguments);
        Console.WriteLine(vision.Describe());

        var images = Directory.GetDirectories(folder)
            .SelectMany(dir => Directory.GetFiles(dir).Where(IsImage))
            .Order(StringComparer.Ordinal)
            .ToList();
        var descriptors = Embed(images, vision);
        var pairs = arguments.Text("--pairs") is { } pairsFile
            ? ReadPairs(pairsFile, folder)
            : AllPairs(images);

        var scored = pairs
            .Select(p => (Same: Identity(p.A) == Identity(p.B), Distance: FaceDistance.Euclidean(descriptors[p.A], descriptors[p.B])))
            .ToList();
        var threshold = arguments.Float("--threshold") ?? new FaceJobs.Core.Recognition.RecognitionOptions().MatchThreshold;
        var same = scored.Where(s => s.Same).Select(s => s.Distance).Order().ToList();
        var different = scored.Where(s => !s.Same).Select(s => s.Distance).Order().ToList();
        Console.WriteLine($"pairs: {scored.Count} ({same.Count} same person, {different.Count} different people)");
        Console.WriteLine($"same-person distance: min {same.Min():F3} median {same[same.Count / 2]:F3} max {same.Max():F3}");
        Console.WriteLine($"different-people distance: min {different.Min():F3} median {different[different.Count / 2]:F3} max {different.Max():F3}");
        foreach (var t in new[] { 0.4f, 0.45f, 0.5f, 0.55f, 0.6f })
        {
            Console.WriteLine(Describe("  at", t, scored));
        }

        var best = BestThreshold(scored);
        Console.WriteLine(Describe("best threshold", best, scored));
        Console.WriteLine(Describe("configured threshold", threshold, scored));
        Console.WriteLine($"accuracy={Accuracy(scored, threshold):F4}");
        return 0;
    }

    private Dictionary<string, float[]> Embed(List<string> images, Vision vision)
    {
        var locator = new FaceLocator(vision.Detector);
        var counts = new Dictionary<LocatedBy, int>();
        var descriptors = new Dictionary<string, float[]>();
        foreach (var path in images)
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
            var (face, by) = locator.Locate(image);
            counts[by] = counts.GetValueOrDefault(by) + 1;
            using var chip = vision.Aligner.Align(image, face, vision.Embedder.ChipSize);
            if (arguments.Text("--dump-chips") is { } dump)
            {
                chip.SaveAsPng(Path.Combine(dump, Identity(path) + "_" + Path.GetFileNameWithoutExtension(path) + ".png"));
            }

            descriptors[path] = vision.Embedder.Embed([chip])[0];
        }

        Console.WriteLine($"images: {images.Count}; face found by the detector: {counts.GetValueOrDefault(LocatedBy.Detector)}, " +
            $"whole image taken as the face box: {counts.GetValueOrDefault(LocatedBy.WholeImage)}");
        return descriptors;
    }

    private static string Describe(string label, float threshold, List<(bool Same, float Distance)> scored)
    {
        var sameCount = scored.Count(s => s.Same);
        var falseRejects = scored.Count(s => s.Same && s.Distance > threshold);
        var falseAccepts = scored.Count(s => !s.Same && s.Distance <= threshold);
        return $"{label} {threshold:F3}: accuracy {Accuracy(scored, threshold):F4}, " +
            $"FAR {Rate(falseAccepts, scored.Count - sameCount)} ({falseAccepts}), FRR {Rate(falseRejects, sameCount)} ({falseRejects})";
    }

    private static string Rate(int count, int total) => total == 0 ? "n/a" : $"{(double)count / total:F4}";

    private static double Accuracy(List<(bool Same, float Distance)> scored, float threshold) =>
        (double)scored.Count(s => s.Same == (s.Distance <= threshold)) / scored.Count;

    /// <summary>The threshold (midway between neighbouring distances) with the highest accuracy.</summary>
    private static float BestThreshold(List<(bool Same, float Distance)> scored)
    {
        var distances = scored.Select(s => s.Distance).Order().ToList();
        var candidates = distances.Zip(distances.Skip(1), (a, b) => (a + b) / 2);
        return candidates.MaxBy(t => Accuracy(scored, t));
    }

    private static string Identity(string path) => Path.GetFileName(Path.GetDirectoryName(path))!;

    private static bool IsImage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".bmp" or ".webp";

    private static List<(string A, string B)> AllPairs(List<string> images) =>
        images.SelectMany((a, i) => images.Skip(i + 1).Select(b => (a, b))).ToList();

    private static List<(string A, string B)> ReadPairs(string file, string folder) =>
        File.ReadLines(file)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 2 && IsImage(cells[0].Trim()))
            .Select(cells => (Path.GetFullPath(Path.Combine(folder, cells[0].Trim())), Path.GetFullPath(Path.Combine(folder, cells[1].Trim()))))
            .ToList();
}
