using System.Diagnostics;
using System.Numerics;
using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Eval;

/// <summary>
/// Keypoint and landmark alignment, with and without mirror averaging, side by side: cost per face on the sample photos
/// and verification on the identity chips and the labelled group photos kept with the tests; prints the aligner tables
/// of docs/accuracy.md. Each set-up is built as the app builds it (<see cref="Vision"/>).
/// </summary>
internal sealed class CompareAlignersCommand
{
    private const string StoredChip = "stored chip as is (no alignment)";
    private const string KeypointAligned = "SimilarityFaceAligner, BlazeFace keypoints";
    private const string LandmarkOnBlazeFace = "LandmarkFaceAligner, BlazeFace box";
    private const string LandmarkOnSsd = "LandmarkFaceAligner, SSD box";

    private readonly Vision _keypoints = new(new Dictionary<string, string?> { ["Faces:Tiling:Enabled"] = "false" });
    private readonly Vision _landmarksOnBlazeFace = new(new Dictionary<string, string?> { ["Faces:Tiling:Enabled"] = "false", ["Faces:Aligner"] = "Landmarks68" });
    private readonly Vision _landmarksOnSsd = new(new Dictionary<string, string?> { ["Faces:Detector"] = "Ssd", ["Faces:Aligner"] = "Landmarks68" });
    private readonly MirrorAveragingEmbedder _mirrored;

    public CompareAlignersCommand() => _mirrored = new MirrorAveragingEmbedder(_keypoints.Recognizer);

    private int ChipSize => _keypoints.Recognizer.ChipSize;

    public int Run()
    {
        try
        {
            Console.WriteLine($"FaceJobs.Eval compare-aligners on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            AlignerCosts();
            IdentityChips(out var gallery);
            GroupPhotos(gallery);
        }
        finally
        {
            _keypoints.Dispose();
            _landmarksOnBlazeFace.Dispose();
            _landmarksOnSsd.Dispose();
        }

        return 0;
    }

    private void AlignerCosts()
    {
        var keypointMs = new List<double>();
        var landmarkMs = new List<double>();
        var descriptorMs = new List<double>();
        for (var i = 1; i <= 6; i++)
        {
            using var image = Decode(TestPaths.Sample(i));
            foreach (var face in _keypoints.Detector.Detect(image))
            {
                var clock = Stopwatch.StartNew();
                using var chip = _keypoints.Aligner.Align(image, face, ChipSize);
                keypointMs.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                _keypoints.Recognizer.Embed([chip]);
                descriptorMs.Add(clock.Elapsed.TotalMilliseconds);
            }

            foreach (var face in _landmarksOnSsd.Detector.Detect(image))
            {
                var clock = Stopwatch.StartNew();
                using var chip = _landmarksOnSsd.Aligner.Align(image, face, ChipSize);
                landmarkMs.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        // The first call of each includes one-off start-up costs.
        Console.WriteLine("\n## Cost per face on the sample photos (median, first call left out)\n");
        Console.WriteLine("| step | ms/face | faces |\n| --- | --- | --- |");
        Console.WriteLine($"| SimilarityFaceAligner (BlazeFace keypoints) | {Median.Of(keypointMs.Skip(1)):F1} | {keypointMs.Count - 1} |");
        Console.WriteLine($"| LandmarkFaceAligner (68-point net on the SSD box) | {Median.Of(landmarkMs.Skip(1)):F1} | {landmarkMs.Count - 1} |");
        Console.WriteLine($"| dlib descriptor, one chip (mirror averaging runs it twice) | {Median.Of(descriptorMs.Skip(1)):F1} | {descriptorMs.Count - 1} |");
    }

    private void IdentityChips(out SortedDictionary<string, List<(string, float[])>> gallery)
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.Faces, "identities"), "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        gallery = new SortedDictionary<string, List<(string, float[])>>(StringComparer.Ordinal);
        var (blazeMissed, ssdMissed) = (0, 0);
        foreach (var file in files)
        {
            // The app's detectors retry a tight crop on a padded canvas themselves (TightCropFaceDetector).
            using var stored = Decode(file);
            var chipBox = new DetectedFace(new RectangleF(0, 0, stored.Width, stored.Height), 0, []);
            var byBlazeFace = Largest(_keypoints.Detector.Detect(stored));
            var bySsd = Largest(_landmarksOnSsd.Detector.Detect(stored));
            (blazeMissed, ssdMissed) = (blazeMissed + (byBlazeFace is null ? 1 : 0), ssdMissed + (bySsd is null ? 1 : 0));
            List<(string Name, Image<Rgb24> Chip)> chips = [(StoredChip, stored.Clone())];
            if (byBlazeFace is not null)
                chips.Add((KeypointAligned, _keypoints.Aligner.Align(stored, byBlazeFace, ChipSize)));
            chips.Add((LandmarkOnBlazeFace, _landmarksOnBlazeFace.Aligner.Align(stored, byBlazeFace ?? chipBox, ChipSize)));
            chips.Add((LandmarkOnSsd, _landmarksOnSsd.Aligner.Align(stored, bySsd ?? chipBox, ChipSize)));
            Describe(gallery, Path.GetFileName(Path.GetDirectoryName(file)!), chips);
        }

        Console.WriteLine($"\n## Verification: {files.Length} identity chips, all {files.Length * (files.Length - 1) / 2} pairs");
        Console.WriteLine($"\nBlazeFace missed {blazeMissed} chips (the keypoint rows then lack them; the landmark rows use the chip box), SSD missed {ssdMissed}. " +
            "acc. = pairs decided correctly, FAR = different-people pairs accepted, FRR = same-person pairs rejected (distance ≤ threshold accepts); margin = min different − max same.\n");
        Console.WriteLine(VerificationTable.Header);
        foreach (var (name, faces) in gallery)
            Console.WriteLine(VerificationTable.Row(name, VerificationTable.AllPairs(faces)));
    }

    /// <summary>Colour faces from the group photos, labelled by hand, against the greyscale identity chips as a watchlist.</summary>
    private void GroupPhotos(SortedDictionary<string, List<(string, float[])>> gallery)
    {
        var labels = GroupLabel.Load(Path.Combine(AppContext.BaseDirectory, "group-labels.csv"));
        var queries = new SortedDictionary<string, List<(string, float[])>>(StringComparer.Ordinal);
        var unlocated = 0;
        foreach (var photo in labels.GroupBy(l => l.Photo))
        {
            using var image = Decode(Path.Combine(TestPaths.Faces, "group", photo.Key));
            var blazeFaces = _keypoints.Detector.Detect(image);
            var ssdFaces = _landmarksOnSsd.Detector.Detect(image);
            foreach (var label in photo)
            {
                if (At(blazeFaces, label.Point) is not { } byBlazeFace || At(ssdFaces, label.Point) is not { } bySsd)
                {
                    unlocated++;
                    continue;
                }

                Describe(queries, label.Identity,
                [
                    (KeypointAligned, _keypoints.Aligner.Align(image, byBlazeFace, ChipSize)),
                    (LandmarkOnBlazeFace, _landmarksOnBlazeFace.Aligner.Align(image, byBlazeFace, ChipSize)),
                    (LandmarkOnSsd, _landmarksOnSsd.Aligner.Align(image, bySsd, ChipSize)),
                ]);
            }
        }

        var queryCount = queries.Values.First().Count;
        Console.WriteLine($"\n## Verification: {queryCount} labelled colour faces from the group photos × identity chips ({labels.Count - unlocated} of {labels.Count} labels found by both detectors)\n");
        Console.WriteLine("Each group face against every identity chip, both aligned the same way; nearest = the nearest identity chip is the right person.\n");
        Console.WriteLine(VerificationTable.Header.Replace(" |\n", " | nearest is right |\n", StringComparison.Ordinal) + " --- |");
        foreach (var (name, faces) in queries)
            Console.WriteLine($"{VerificationTable.Row(name, VerificationTable.CrossPairs(faces, gallery[name]))} {VerificationTable.NearestIsSame(faces, gallery[name])}/{faces.Count} |");
    }

    private void Describe(SortedDictionary<string, List<(string, float[])>> variants, string identity, List<(string Name, Image<Rgb24> Chip)> chips)
    {
        foreach (var (name, chip) in chips)
        {
            foreach (var mirror in new[] { false, true })
            {
                var key = name + (mirror ? ", mirror-averaged" : string.Empty);
                if (!variants.TryGetValue(key, out var list))
                    variants[key] = list = [];
                list.Add((identity, (mirror ? _mirrored : (IFaceEmbedder)_keypoints.Recognizer).Embed([chip])[0]));
            }

            chip.Dispose();
        }
    }

    private static DetectedFace? At(IReadOnlyList<DetectedFace> faces, PointF point) =>
        faces.Where(f => f.Box.Contains(point)).MinBy(f => Vector2.Distance(point, new Vector2(f.Box.X + (f.Box.Width / 2), f.Box.Y + (f.Box.Height / 2))));

    private static DetectedFace? Largest(IReadOnlyList<DetectedFace> faces) => faces.MaxBy(f => f.Box.Width * f.Box.Height);

    private static Image<Rgb24> Decode(string path) => FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
}
