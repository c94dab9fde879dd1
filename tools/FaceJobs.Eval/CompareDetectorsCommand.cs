using System.Diagnostics;
using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Eval;

/// <summary>
/// Every detector set-up side by side on the sample and group photos kept with the tests and on a synthetic crowd set;
/// prints the detector tables of docs/accuracy.md. <c>--out dir</c> writes the crowd photos, their true boxes and the
/// sample false positives there.
/// </summary>
internal sealed class CompareDetectorsCommand(CommandLine arguments)
{
    private const int CrowdSeed = 20261127;
    private const int CrowdPhotos = 8;
    private const int FacesPerPhoto = 40;

    // Boxes of different detectors frame a face differently; on the sample photos a detection counts as the same face
    // as a reference box at this looser overlap (the crowd set is scored at IoU ≥ 0.5, and also at this value).
    private const float LooseIoU = 0.3f;
    private const int PhoneWidth = 4032;
    private const int PhoneHeight = 3024;
    private static readonly int[] DocumentedFaces = [3, 3, 3, 4, 5, 4];

    private readonly string? _outDir = arguments.Text("--out");

    public int Run()
    {
        var detectors = DetectorConfigurations.Create();
        try
        {
            Console.WriteLine($"FaceJobs.Eval compare-detectors on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; " +
                "each detector as the app builds it (photos decoded upright, large photos reduced to Faces:MaxDetectionSide)");
            using (var warm = Decode(TestPaths.Sample(1)))
                detectors.ForEach(d => d.Vision.Detector.Detect(warm));

            SampleAndGroupPhotos(detectors);
            Crowd(detectors);
        }
        finally
        {
            detectors.ForEach(d => d.Vision.Dispose());
        }

        return 0;
    }

    private void SampleAndGroupPhotos(List<(string Name, Vision Vision)> detectors)
    {
        var samples = Enumerable.Range(1, DocumentedFaces.Length).Select(TestPaths.Sample).ToArray();
        var groups = Directory.GetFiles(Path.Combine(TestPaths.Faces, "group"), "*.jpg").Order(StringComparer.Ordinal).ToArray();
        var reference = detectors.FindIndex(d => d.Name == DetectorConfigurations.SsdWholePhoto);
        var counts = new List<(string Photo, int[] Found)>();
        var sampleMs = detectors.Select(_ => new List<double>()).ToArray();
        var groupMs = detectors.Select(_ => new List<double>()).ToArray();
        var falsePositives = new int[detectors.Count];
        var missed = new int[detectors.Count];
        var matchedIoU = detectors.Select(_ => new List<float>()).ToArray();
        var referenceOk = true;
        foreach (var (path, index) in samples.Concat(groups).Select((p, i) => (p, i)))
        {
            using var image = Decode(path);
            var isSample = index < samples.Length;
            var found = new IReadOnlyList<DetectedFace>[detectors.Count];
            for (var d = 0; d < detectors.Count; d++)
            {
                var clock = Stopwatch.StartNew();
                found[d] = detectors[d].Vision.Detector.Detect(image);
                (isSample ? sampleMs : groupMs)[d].Add(clock.Elapsed.TotalMilliseconds);
            }

            counts.Add(($"{Path.GetFileName(path)} | {image.Width}×{image.Height} | {(isSample ? DocumentedFaces[index] : "–")}", found.Select(f => f.Count).ToArray()));
            if (!isSample)
                continue;

            // The samples have no box annotations: SSD's whole-photo boxes are the reference where their count is the documented one.
            var truth = found[reference].Select(f => f.Box).ToList();
            referenceOk &= truth.Count == DocumentedFaces[index];
            for (var d = 0; d < detectors.Count; d++)
            {
                var matches = BoxMatching.Match(truth, found[d].Select(f => f.Box).ToList(), LooseIoU);
                matchedIoU[d].AddRange(matches.Select(m => m.IoU));
                missed[d] += truth.Count - matches.Count;
                var unmatched = found[d].Where((_, j) => !matches.Exists(m => m.Detection == j)).ToList();
                falsePositives[d] += unmatched.Count;
                SaveFalsePositives(image, unmatched, $"fp_{d}_{Path.GetFileNameWithoutExtension(path)}");
            }
        }

        // Phone uploads are larger than the samples; the app reduces them to Faces:MaxDetectionSide before detecting.
        var phoneMs = new double[detectors.Count];
        using (var phone = Decode(TestPaths.Sample(1)))
        {
            phone.Mutate(x => x.Resize(PhoneWidth, PhoneHeight));
            for (var d = 0; d < detectors.Count; d++)
            {
                var clock = Stopwatch.StartNew();
                detectors[d].Vision.Detector.Detect(phone);
                phoneMs[d] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Console.WriteLine("\n## Faces found on the sample and group photos\n");
        Console.WriteLine($"| photo | size | documented | {string.Join(" | ", detectors.Select(d => d.Name))} |\n|{string.Concat(Enumerable.Repeat(" --- |", detectors.Count + 3))}");
        foreach (var (photo, perDetector) in counts)
            Console.WriteLine($"| {photo} | {string.Join(" | ", perDetector)} |");

        Console.WriteLine($"\nReference for the samples: SSD whole-photo boxes ({(referenceOk ? "their count equals the documented count on all six" : "WARNING: their count differs from the documented count")}); a detection is the same face at IoU ≥ {LooseIoU}.\n");
        Console.WriteLine($"| detector | false positives on the 6 samples | reference faces missed (of {DocumentedFaces.Sum()}) | mean IoU with the SSD box | median ms/photo, samples (1920 px) | median ms/photo, group photos (594–1366 px) | ms, sample1 resized to {PhoneWidth}×{PhoneHeight} |\n| --- | --- | --- | --- | --- | --- | --- |");
        for (var d = 0; d < detectors.Count; d++)
        {
            Console.WriteLine($"| {detectors[d].Name} | {falsePositives[d]} | {missed[d]} | {(matchedIoU[d].Count == 0 ? "–" : $"{matchedIoU[d].Average():F2}")} | " +
                $"{Median.Of(sampleMs[d]):F0} | {Median.Of(groupMs[d]):F0} | {phoneMs[d]:F0} |");
        }
    }

    private void Crowd(List<(string Name, Vision Vision)> detectors)
    {
        var ssd = detectors.Find(d => d.Name == DetectorConfigurations.SsdWholePhoto).Vision;
        using var sources = SourceFaces.Find(ssd.Detector, Enumerable.Range(1, DocumentedFaces.Length).Select(TestPaths.Sample));
        var strict = detectors.Select(_ => new DetectionTally()).ToArray();
        var loose = detectors.Select(_ => new DetectionTally(LooseIoU)).ToArray();
        var rotated = new (int Found, int All)[detectors.Count];
        var covered = new (int Found, int All)[detectors.Count];
        var times = detectors.Select(_ => new List<double>()).ToArray();
        var random = new Random(CrowdSeed);
        var crowdFaces = 0;
        for (var photo = 0; photo < CrowdPhotos; photo++)
        {
            using var crowd = CrowdCanvas.Scattered(sources, random, FacesPerPhoto);
            var truth = crowd.Faces.Select(f => f.Box).ToList();
            crowdFaces += truth.Count;
            for (var d = 0; d < detectors.Count; d++)
            {
                var clock = Stopwatch.StartNew();
                var found = detectors[d].Vision.Detector.Detect(crowd.Image).Select(f => f.Box).ToList();
                times[d].Add(clock.Elapsed.TotalMilliseconds);
                var matched = strict[d].Add(truth, found);
                loose[d].Add(truth, found);
                rotated[d] = Tally(rotated[d], crowd.Faces, matched, f => f.Rotated);
                covered[d] = Tally(covered[d], crowd.Faces, matched, f => f.Covered);
            }

            if (_outDir is not null)
            {
                Directory.CreateDirectory(_outDir);
                crowd.Image.SaveAsPng(Path.Combine(_outDir, $"crowd{photo}.png"));
                File.WriteAllLines(Path.Combine(_outDir, $"crowd{photo}.csv"),
                    crowd.Faces.Select(f => FormattableString.Invariant($"{f.Box.X:F1},{f.Box.Y:F1},{f.Box.Width:F1},{f.Box.Height:F1},{f.Rotated},{f.Covered}")));
            }
        }

        var buckets = Enumerable.Range(0, FaceSizeBucket.LowerBounds.Count).ToArray();
        Console.WriteLine($"\n## Crowd set: {CrowdPhotos} photos 1600×1200, {crowdFaces} faces (12–96 px wide), seed {CrowdSeed}\n");
        Console.WriteLine($"Recall by the larger side of the true box at IoU ≥ 0.5, recall of rotated and covered faces, precision; then recall and precision at IoU ≥ {LooseIoU}.\n");
        Console.WriteLine($"| detector | {string.Join(" | ", buckets.Select(FaceSizeBucket.Label))} | all | rotated | covered | precision | all @ IoU ≥ {LooseIoU} | precision @ IoU ≥ {LooseIoU} | median ms/photo |\n|{string.Concat(Enumerable.Repeat(" --- |", buckets.Length + 8))}");
        for (var d = 0; d < detectors.Count; d++)
        {
            Console.WriteLine($"| {detectors[d].Name} | {string.Join(" | ", strict[d].BySize.Select(b => Ratio(b.Found, b.Annotated)))} | " +
                $"{Ratio(strict[d].Matched, strict[d].Annotated)} | {Ratio(rotated[d].Found, rotated[d].All)} | {Ratio(covered[d].Found, covered[d].All)} | " +
                $"{Ratio(strict[d].Matched, strict[d].Detected)} | {Ratio(loose[d].Matched, loose[d].Annotated)} | {Ratio(loose[d].Matched, loose[d].Detected)} | {Median.Of(times[d]):F0} |");
        }
    }

    private static (int Found, int All) Tally((int Found, int All) sofar, IReadOnlyList<CrowdFace> faces, HashSet<int> matched, Func<CrowdFace, bool> kind) =>
        (sofar.Found + faces.Where((f, i) => kind(f) && matched.Contains(i)).Count(), sofar.All + faces.Count(kind));

    private void SaveFalsePositives(Image<Rgb24> image, IEnumerable<DetectedFace> faces, string prefix)
    {
        if (_outDir is null)
            return;

        Directory.CreateDirectory(_outDir);
        foreach (var (face, n) in faces.Select((f, n) => (f, n)))
        {
            var area = Rectangle.Intersect(Rectangle.Round(RectangleF.Inflate(face.Box, face.Box.Width / 2, face.Box.Height / 2)), new Rectangle(0, 0, image.Width, image.Height));
            using var crop = image.Clone(x => x.Crop(area));
            crop.SaveAsPng(Path.Combine(_outDir, $"{prefix}_{n}_{face.Score:F2}.png"));
        }
    }

    private static Image<Rgb24> Decode(string path) => FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:F0}% ({part}/{whole})";
}
