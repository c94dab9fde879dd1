using FaceJobs.Core.Faces.Alignment;
using System.Diagnostics;
using System.Globalization;
using FaceJobs.Accuracy;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Core.Faces.Ssd;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// Accuracy and speed of the SSD detector and the landmark aligner; prints the tables of docs/accuracy.md.
// usage: FaceJobs.Accuracy [--crowd-out <dir>]   (writes the crowd photos and their true boxes there)
const int CrowdSeed = 20261127;
const int CrowdPhotos = 8;
const int FacesPerPhoto = 40;
const int ChipSize = DlibRecognizer.ChipSize;

var crowdOut = args.Length == 2 && args[0] == "--crowd-out" ? args[1] : null;
using var ssd = new SsdMobileNetDetector(new SsdDetectorOptions { ModelPath = Paths.Model("ssd_mobilenetv1_face_detector.onnx") });
using var ssdLow = new SsdMobileNetDetector(new SsdDetectorOptions { ModelPath = Paths.Model("ssd_mobilenetv1_face_detector.onnx"), MinConfidence = 0.3f });
using var ssdTiled = new SsdMobileNetDetector(new SsdDetectorOptions { ModelPath = Paths.Model("ssd_mobilenetv1_face_detector.onnx"), TileSizes = [1024, 512, 256] });
using var ssdTiledCoarse = new SsdMobileNetDetector(new SsdDetectorOptions { ModelPath = Paths.Model("ssd_mobilenetv1_face_detector.onnx"), TileSizes = [1024, 512] });
(string Name, IFaceDetector Detector)[] crowdDetectors =
[
    ("SSD, whole photo, min conf. 0.5", ssd),
    ("SSD, whole photo, min conf. 0.3", ssdLow),
    ("SSD + tiles 1024/512, min conf. 0.5", ssdTiledCoarse),
    ("SSD + tiles 1024/512/256, min conf. 0.5", ssdTiled),
];
var landmarkOptions = new LandmarkOptions { ModelPath = Paths.Model("face_landmark_68.onnx") };
using var landmarks = new FaceLandmark68Net(landmarkOptions);
var aligner = new LandmarkFaceAligner(landmarks, landmarkOptions);
using var recognizer = new DlibRecognizer();
Console.WriteLine($"FaceJobs.Accuracy on {Environment.ProcessorCount} cores, ONNX Runtime intra-op threads 1, {DateTime.UtcNow:yyyy-MM-dd}");

FacesFound();
Crowd();
VerificationTable();
return 0;

void FacesFound()
{
    Console.WriteLine("\n## Faces found (SSD, min confidence 0.5)\n\n| photo | size | documented | SSD | SSD ms/photo | SSD + tiles 1024/512/256 | tiled ms/photo |\n| --- | --- | --- | --- | --- | --- | --- |");
    int[] documented = [3, 3, 3, 4, 5, 4];
    var photos = Enumerable.Range(1, 6).Select(i => (Path: Paths.Sample(i), Documented: documented[i - 1].ToString(CultureInfo.InvariantCulture)))
        .Concat(Directory.GetFiles(Path.Combine(Paths.SharedFaces, "group"), "*.jpg").Order().Select(p => (Path: p, Documented: "–")));
    using (var warm = Image.Load<Rgb24>(Paths.Sample(1)))
    {
        ssd.Detect(warm);
    }

    foreach (var (path, count) in photos)
    {
        using var image = Image.Load<Rgb24>(path);
        var stopwatch = Stopwatch.StartNew();
        var faces = ssd.Detect(image);
        for (var i = 0; i < 2; i++)
        {
            ssd.Detect(image);
        }

        var wholeMs = stopwatch.Elapsed.TotalMilliseconds / 3;
        stopwatch.Restart();
        var tiled = ssdTiled.Detect(image);
        Console.WriteLine($"| {Path.GetFileName(path)} | {image.Width}×{image.Height} | {count} | {faces.Count} | {wholeMs:F0} | {tiled.Count} | {stopwatch.Elapsed.TotalMilliseconds:F0} |");
    }

    // The landmark aligner's cost per face: landmark net + dlib fit + 150 px chip.
    var alignTimes = new List<double>();
    for (var i = 1; i <= 6; i++)
    {
        using var image = Image.Load<Rgb24>(Paths.Sample(i));
        foreach (var face in ssd.Detect(image))
        {
            var stopwatch = Stopwatch.StartNew();
            using var chip = aligner.Align(image, face, ChipSize);
            alignTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine($"\nLandmark aligner: {alignTimes.Skip(1).Average():F1} ms per face (mean of {alignTimes.Count - 1} sample faces after the first).");
}

void Crowd()
{
    var sources = new List<(Image<Rgb24>, RectangleF)>();
    for (var i = 1; i <= 6; i++)
    {
        var image = Image.Load<Rgb24>(Paths.Sample(i));
        sources.AddRange(ssd.Detect(image).Select(f => (image, f.Box)));
    }

    var scores = crowdDetectors.Select(_ => new DetectionScoring()).ToArray();
    var times = crowdDetectors.Select(_ => new Stopwatch()).ToArray();
    var crowdFaces = 0;
    var index = 0;
    foreach (var photo in new CrowdSet(sources, CrowdSeed).Generate(CrowdPhotos, FacesPerPhoto))
    {
        crowdFaces += photo.Faces.Count;
        for (var d = 0; d < crowdDetectors.Length; d++)
        {
            times[d].Start();
            var found = crowdDetectors[d].Detector.Detect(photo.Image);
            times[d].Stop();
            scores[d].Add(photo.Faces, found.Select(f => (f.Box, f.Score)).ToArray());
        }

        if (crowdOut is not null)
        {
            Directory.CreateDirectory(crowdOut);
            photo.Image.SaveAsPng(Path.Combine(crowdOut, $"crowd{index}.png"));
            File.WriteAllLines(Path.Combine(crowdOut, $"crowd{index}.csv"),
                photo.Faces.Select(f => FormattableString.Invariant($"{f.Box.X:F1},{f.Box.Y:F1},{f.Box.Width:F1},{f.Box.Height:F1},{f.Rotated},{f.Covered}")));
        }

        photo.Image.Dispose();
        index++;
    }

    Console.WriteLine($"\n## Crowd set: {CrowdPhotos} photos {CrowdSet.Width}×{CrowdSet.Height}, {crowdFaces} faces, seed {CrowdSeed}\n");
    Console.WriteLine("Recall by true face width (IoU ≥ 0.5), then recall of rotated and covered faces, and precision.\n");
    Console.WriteLine(DetectionScoring.Header);
    for (var d = 0; d < crowdDetectors.Length; d++)
    {
        Console.WriteLine(scores[d].RecallRow(crowdDetectors[d].Name) + $" {times[d].Elapsed.TotalMilliseconds / CrowdPhotos:F0} |");
    }
    foreach (var image in sources.Select(s => s.Item1).Distinct())
    {
        image.Dispose();
    }
}

void VerificationTable()
{
    var files = Directory.GetFiles(Path.Combine(Paths.SharedFaces, "identities"), "*.png", SearchOption.AllDirectories).Order().ToArray();
    var variants = new Dictionary<string, List<(string, float[])>>();
    var fallbacks = 0;
    foreach (var file in files)
    {
        var identity = Path.GetFileName(Path.GetDirectoryName(file)!);
        using var stored = Image.Load<Rgb24>(file);

        // The stored chips are tight crops: detect on the chip centred in a black canvas three times its size.
        using var canvas = new Image<Rgb24>(stored.Width * 3, stored.Height * 3);
        canvas.Mutate(x => x.DrawImage(stored, new Point(stored.Width, stored.Height), 1f));
        var detected = ssd.Detect(canvas).FirstOrDefault();
        fallbacks += detected is null ? 1 : 0;
        var face = detected ?? new DetectedFace(new RectangleF(stored.Width, stored.Height, stored.Width, stored.Height), 1, []);

        using var landmarkChip = aligner.Align(canvas, face, ChipSize);
        using var fourPointChip = FourPointChip(canvas, face);
        foreach (var mirror in new[] { false, true })
        {
            var suffix = mirror ? ", mirror-averaged" : string.Empty;
            Add($"stored chip as is{suffix}", recognizer.Describe(stored, mirror));
            Add($"4-point fit (eyes, nose, mouth from the 68){suffix}", recognizer.Describe(fourPointChip, mirror));
            Add($"landmark aligner (dlib 68-point fit){suffix}", recognizer.Describe(landmarkChip, mirror));

            void Add(string name, float[] descriptor)
            {
                if (!variants.TryGetValue(name, out var list))
                {
                    variants[name] = list = [];
                }

                list.Add((identity, descriptor));
            }
        }
    }

    Console.WriteLine($"\n## Verification: {files.Length} identity chips, all {files.Length * (files.Length - 1) / 2} pairs (SSD found {files.Length - fallbacks} faces; {fallbacks} fell back to the chip box)\n");
    Console.WriteLine(Verification.Header);
    foreach (var (name, faces) in variants.OrderBy(v => v.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(Verification.Row(name, faces));
    }
}

// Stand-in for a 4-keypoint aligner: eye centres, nose tip and mouth centre (from the 68 landmarks)
// fitted to the same points of dlib's mean face, padding 0.25.
Image<Rgb24> FourPointChip(Image<Rgb24> image, DetectedFace face)
{
    var points = landmarks.Locate(image, face.Box);
    PointF Mean(IReadOnlyList<PointF> p, params int[] indices) => new(indices.Average(i => p[i].X), indices.Average(i => p[i].Y));
    var meanFace = Enumerable.Range(0, 68).Select(i => i >= 17 ? DlibMeanFace.MeanFacePoint(i, ChipSize, landmarkOptions.ChipPadding) : PointF.Empty).ToArray();
    int[][] groups = [[36, 37, 38, 39, 40, 41], [42, 43, 44, 45, 46, 47], [30], [48, 54]];
    var transform = SimilarityTransform.Fit(groups.Select(g => Mean(meanFace, g)).ToArray(), groups.Select(g => Mean(points, g)).ToArray());
    return ChipSampler.Sample(image, transform, ChipSize);
}
