using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using SixLabors.ImageSharp;

namespace FaceJobs.Eval;

/// <summary>Detection recall and precision against annotated boxes (a match needs IoU ≥ 0.5), with recall by face size.</summary>
internal sealed class DetectCommand(CommandLine arguments)
{
    // The time budget is for photos about 400 px wide (1.5 s on one core).
    private const int TypicalWidthFrom = 370;
    private const int TypicalWidthTo = 430;

    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        var truth = BoxesFile.Read(arguments.Positional[1]);
        using var vision = VisionArguments.Create(arguments);
        var tally = new DetectionTally(arguments.Float("--iou") ?? DetectionTally.DefaultMinIoU);
        var verbose = arguments.Has("--verbose");
        using var dump = arguments.Text("--dump") is { } dumpPath ? new StreamWriter(dumpPath) : null;
        dump?.WriteLine("file,x,y,w,h,score");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var typicalPhotoMs = new List<double>();
        foreach (var (file, boxes) in truth)
        {
            var started = clock.Elapsed;
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(Path.Combine(folder, file)));
            var faces = vision.Detector.Detect(image);
            if (image.Width is >= TypicalWidthFrom and <= TypicalWidthTo)
                typicalPhotoMs.Add((clock.Elapsed - started).TotalMilliseconds);
            var found = faces.Select(f => f.Box).ToList();
            foreach (var face in faces)
                dump?.WriteLine($"{file},{face.Box.X:F1},{face.Box.Y:F1},{face.Box.Width:F1},{face.Box.Height:F1},{face.Score:F3}");
            var matched = tally.Add(boxes, found);
            if (verbose)
                Console.WriteLine($"{file} {image.Width}×{image.Height}: {boxes.Count} annotated, {found.Count} detected, {matched.Count} matched");
        }

        Console.WriteLine($"{vision.Describe()}; {truth.Count} photos, {clock.Elapsed.TotalMilliseconds / Math.Max(1, truth.Count):F0} ms per photo (decode + detect)");
        if (typicalPhotoMs.Count > 0)
            Console.WriteLine($"median {Median.Of(typicalPhotoMs):F0} ms per photo {TypicalWidthFrom}–{TypicalWidthTo} px wide (n = {typicalPhotoMs.Count}, decode + detect)");
        Console.WriteLine($"{tally.Annotated} faces annotated, {tally.Detected} detected, {tally.Matched} matched at IoU ≥ {tally.MinIoU}");
        Console.WriteLine("recall by face size (larger side of the true box):");
        foreach (var (bucket, (found, annotated)) in tally.BySize.Select((b, i) => (i, b)))
            Console.WriteLine($"  {FaceSizeBucket.Label(bucket),-9} {Ratio(found, annotated)}");
        var (largeFound, large) = tally.AtLeast(FaceSizeBucket.Large);
        Console.WriteLine($"  ≥{FaceSizeBucket.Large} px   {Ratio(largeFound, large)}");
        Console.WriteLine($"recall={tally.Recall:F4} precision={tally.Precision:F4}");
        return 0;
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : $"{(double)part / whole:F4} ({part}/{whole})";
}

/// <summary>A boxes.csv of <c>file,x,y,w,h</c> rows (a header row is skipped), grouped by file in file order.</summary>
internal static class BoxesFile
{
    public static IReadOnlyList<(string File, IReadOnlyList<RectangleF> Boxes)> Read(string path) =>
        File.ReadLines(path)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 5 && float.TryParse(cells[1], out _))
            .GroupBy(cells => cells[0].Trim(), cells => new RectangleF(
                float.Parse(cells[1]), float.Parse(cells[2]), float.Parse(cells[3]), float.Parse(cells[4])))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<RectangleF>)g.ToList()))
            .ToList();
}
