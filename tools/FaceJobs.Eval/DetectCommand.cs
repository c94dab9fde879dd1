using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Eval;

/// <summary>Detection recall and precision against annotated boxes (a match needs IoU ≥ 0.5).</summary>
internal sealed class DetectCommand(CommandLine arguments)
{
    private const float MatchIoU = 0.5f;
    private static readonly int[] SizeBuckets = [0, 16, 24, 32, 48, 64, 96, 128, 256];

    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        var truth = File.ReadLines(arguments.Positional[1])
            .Select(line => line.Split(','))
            .Where(cells => cells.Length == 5 && float.TryParse(cells[1], out _))
            .GroupBy(cells => cells[0].Trim(), cells => new RectangleF(
                float.Parse(cells[1]), float.Parse(cells[2]), float.Parse(cells[3]), float.Parse(cells[4])))
            .ToDictionary(g => g.Key, g => g.ToList());
        using var vision = new Vision(arguments);

        int truePositives = 0, annotated = 0, detected = 0;
        var bySize = new SortedDictionary<int, (int Annotated, int Found)>();
        foreach (var (file, boxes) in truth.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(Path.Combine(folder, file)));
            var found = vision.Detector.Detect(image).Select(f => f.Box).ToList();
            var matchedIndexes = BoxMatching.MatchedAnnotations(boxes, found, MatchIoU);
            var matched = matchedIndexes.Count;
            for (var i = 0; i < boxes.Count; i++)
            {
                var bucket = SizeBuckets.Last(b => b <= Math.Round(Math.Max(boxes[i].Width, boxes[i].Height)));
                var (all, hits) = bySize.GetValueOrDefault(bucket);
                bySize[bucket] = (all + 1, hits + (matchedIndexes.Contains(i) ? 1 : 0));
            }

            Console.WriteLine($"{file}: {boxes.Count} annotated, {found.Count} detected, {matched} matched");
            truePositives += matched;
            annotated += boxes.Count;
            detected += found.Count;
        }

        Console.WriteLine("recall by face size (largest side): " + string.Join(", ", bySize.Select(kv =>
            $"{kv.Key}+ px {(double)kv.Value.Found / kv.Value.Annotated:F2} ({kv.Value.Found}/{kv.Value.Annotated})")));
        var recall = annotated == 0 ? 0 : (double)truePositives / annotated;
        var precision = detected == 0 ? 0 : (double)truePositives / detected;
        Console.WriteLine($"{vision.Describe()}; {annotated} faces annotated, {detected} detected, {truePositives} matched");
        Console.WriteLine($"recall={recall:F4} precision={precision:F4}");
        return 0;
    }
}
