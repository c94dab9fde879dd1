using System.Diagnostics;
using System.Numerics;
using FaceJobs.Accuracy;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Core.Faces.Ssd;
using FaceJobs.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// BlazeFace and SSD detectors, keypoint and landmark aligners, side by side; prints the tables of docs/accuracy.md.
// usage: FaceJobs.Accuracy [--out <dir>]   (writes the crowd photos, their true boxes and the sample false positives there)
const int CrowdSeed = 20261127;
const int CrowdPhotos = 8;
const int FacesPerPhoto = 40;

// Boxes of different detectors frame a face differently; on the sample photos a detection counts as the same face
// as a reference box at this looser overlap (the crowd set is scored at IoU ≥ 0.5, and also at this value).
const float LooseIou = 0.3f;
const int PhoneWidth = 4032;
const int PhoneHeight = 3024;
const string StoredChip = "stored chip as is (no alignment)";
const string KeypointAligned = "SimilarityFaceAligner, BlazeFace keypoints";
const string LandmarkOnBlazeFace = "LandmarkFaceAligner, BlazeFace box";
const string LandmarkOnSsd = "LandmarkFaceAligner, SSD box";

var outDir = args.Length == 2 && args[0] == "--out" ? args[1] : null;
var faceOptions = new FaceOptions();
using var blazeFace = new BlazeFaceDetector(TestPaths.Model("blazeface_back_256.onnx"), faceOptions);
SsdMobileNetDetector Ssd(int[] tiles) => new(new SsdDetectorOptions { ModelPath = TestPaths.Model("ssd_mobilenetv1_face_detector.onnx"), TileSizes = tiles });
using var ssd = Ssd([]);
using var ssdTiles2 = Ssd([1024, 512]);
using var ssdTiles3 = Ssd([1024, 512, 256]);
DetectorChoice[] detectors =
[
    new("BlazeFace, whole photo", image => blazeFace.Detect(image, tiling: false)),
    new($"BlazeFace + default tiling ({faceOptions.Tiling.TileSize} px pyramid)", image => blazeFace.Detect(image, tiling: true)),
    new("SSD, whole photo", ssd.Detect),
    new("SSD + tiles 1024/512", ssdTiles2.Detect),
    new("SSD + tiles 1024/512/256", ssdTiles3.Detect),
];
var landmarkOptions = new LandmarkOptions { ModelPath = TestPaths.Model("face_landmark_68.onnx") };
using var landmarks = new FaceLandmark68Net(landmarkOptions);
var landmarkAligner = new LandmarkFaceAligner(landmarks, landmarkOptions);
var keypointAligner = new SimilarityFaceAligner();
using var embedder = new OnnxFaceEmbedder(TestPaths.Model("dlib_resnet_face_descriptor.onnx"), faceOptions.IntraOpThreads);
var describer = new MirrorAveragedEmbedder(embedder);
var chipSize = embedder.ChipSize;
Console.WriteLine($"FaceJobs.Accuracy on {Environment.ProcessorCount} cores, ONNX Runtime intra-op threads 1, {DateTime.UtcNow:yyyy-MM-dd}");

using (var warm = Image.Load<Rgb24>(TestPaths.Sample(1)))
{
    foreach (var detector in detectors)
    {
        detector.Detect(warm);
    }
}

SampleAndGroupPhotos();
Crowd();
AlignerCosts();
VerificationTable();
return 0;

void SampleAndGroupPhotos()
{
    int[] documented = [3, 3, 3, 4, 5, 4];
    var samples = Enumerable.Range(1, 6).Select(TestPaths.Sample).ToArray();
    var groups = Directory.GetFiles(Path.Combine(TestPaths.Faces, "group"), "*.jpg").Order().ToArray();
    var counts = new Dictionary<string, int[]>();
    var sampleMs = detectors.Select(_ => new List<double>()).ToArray();
    var groupMs = detectors.Select(_ => new List<double>()).ToArray();
    var falsePositives = new int[detectors.Length];
    var missed = new int[detectors.Length];
    var matchedIou = detectors.Select(_ => new List<float>()).ToArray();
    var referenceOk = true;
    foreach (var (path, index) in samples.Concat(groups).Select((p, i) => (p, i)))
    {
        using var image = Image.Load<Rgb24>(path);
        var found = new IReadOnlyList<DetectedFace>[detectors.Length];
        for (var d = 0; d < detectors.Length; d++)
        {
            var stopwatch = Stopwatch.StartNew();
            found[d] = detectors[d].Detect(image);
            (index < samples.Length ? sampleMs : groupMs)[d].Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        counts[$"{Path.GetFileName(path)} | {image.Width}×{image.Height} | {(index < samples.Length ? documented[index] : "–")}"] = found.Select(f => f.Count).ToArray();
        if (index >= samples.Length)
        {
            continue;
        }

        // The samples have no box annotations: SSD's whole-photo boxes are the reference where their count is the documented one.
        var reference = found[Array.FindIndex(detectors, d => d.Name == "SSD, whole photo")];
        referenceOk &= reference.Count == documented[index];
        for (var d = 0; d < detectors.Length; d++)
        {
            var taken = new bool[reference.Count];
            foreach (var face in found[d].OrderByDescending(f => f.Score))
            {
                var best = Enumerable.Range(0, reference.Count).Where(r => !taken[r])
                    .Select(r => (Index: r, Iou: BoxMatching.IntersectionOverUnion(reference[r].Box, face.Box))).Append((Index: -1, Iou: 0f)).MaxBy(m => m.Iou);
                if (best.Iou >= LooseIou)
                {
                    taken[best.Index] = true;
                    matchedIou[d].Add(best.Iou);
                    continue;
                }

                falsePositives[d]++;
                if (outDir is not null)
                {
                    Directory.CreateDirectory(outDir);
                    var area = Rectangle.Intersect(Rectangle.Round(RectangleF.Inflate(face.Box, face.Box.Width / 2, face.Box.Height / 2)), new Rectangle(0, 0, image.Width, image.Height));
                    using var crop = image.Clone(x => x.Crop(area));
                    crop.SaveAsPng(Path.Combine(outDir, $"fp_{d}_{Path.GetFileNameWithoutExtension(path)}_{falsePositives[d]}_{face.Score:F2}.png"));
                }
            }

            missed[d] += taken.Count(t => !t);
        }
    }

    // Phone uploads are larger than the samples: tiling costs grow with the photo's area.
    var phoneMs = new double[detectors.Length];
    double reducedMs;
    using (var phone = Image.Load<Rgb24>(TestPaths.Sample(1)))
    {
        phone.Mutate(x => x.Resize(PhoneWidth, PhoneHeight));
        for (var d = 0; d < detectors.Length; d++)
        {
            var stopwatch = Stopwatch.StartNew();
            detectors[d].Detect(phone);
            phoneMs[d] = stopwatch.Elapsed.TotalMilliseconds;
        }

        var resizeFirst = Stopwatch.StartNew();
        using var reduced = phone.Clone(x => x.Resize(1920, 0));
        blazeFace.Detect(reduced, tiling: true);
        reducedMs = resizeFirst.Elapsed.TotalMilliseconds;
    }

    Console.WriteLine("\n## Faces found on the sample and group photos\n");
    Console.WriteLine($"| photo | size | documented | {string.Join(" | ", detectors.Select(d => d.Name))} |\n|{string.Concat(Enumerable.Repeat(" --- |", detectors.Length + 3))}");
    foreach (var (photo, perDetector) in counts)
    {
        Console.WriteLine($"| {photo} | {string.Join(" | ", perDetector)} |");
    }

    Console.WriteLine($"\nReference for the samples: SSD whole-photo boxes ({(referenceOk ? "their count equals the documented count on all six" : "WARNING: their count differs from the documented count")}); a detection is the same face at IoU ≥ {LooseIou}.\n");
    Console.WriteLine($"| detector | false positives on the 6 samples | reference faces missed (of 22) | mean IoU with the SSD box | median ms/photo, samples (1920 px) | median ms/photo, group photos (594–1366 px) | ms, sample1 resized to {PhoneWidth}×{PhoneHeight} |\n| --- | --- | --- | --- | --- | --- | --- |");
    for (var d = 0; d < detectors.Length; d++)
    {
        Console.WriteLine($"| {detectors[d].Name} | {falsePositives[d]} | {missed[d]} | {(matchedIou[d].Count == 0 ? "–" : $"{matchedIou[d].Average():F2}")} | {Median.Of(sampleMs[d]):F0} | {Median.Of(groupMs[d]):F0} | {phoneMs[d]:F0} |");
    }

    Console.WriteLine($"\nBlazeFace + default tiling on the {PhoneWidth}×{PhoneHeight} photo resized to 1920 px wide first: {reducedMs:F0} ms including the resize.");
}

void Crowd()
{
    var sources = new List<(Image<Rgb24>, RectangleF)>();
    for (var i = 1; i <= 6; i++)
    {
        var image = Image.Load<Rgb24>(TestPaths.Sample(i));
        sources.AddRange(ssd.Detect(image).Select(f => (image, f.Box)));
    }

    var strict = detectors.Select(_ => new DetectionScoring()).ToArray();
    var loose = detectors.Select(_ => new DetectionScoring(LooseIou)).ToArray();
    var times = detectors.Select(_ => new List<double>()).ToArray();
    var crowdFaces = 0;
    var index = 0;
    foreach (var photo in new CrowdSet(sources, CrowdSeed).Generate(CrowdPhotos, FacesPerPhoto))
    {
        crowdFaces += photo.Faces.Count;
        for (var d = 0; d < detectors.Length; d++)
        {
            var stopwatch = Stopwatch.StartNew();
            var found = detectors[d].Detect(photo.Image).Select(f => (f.Box, f.Score)).ToArray();
            times[d].Add(stopwatch.Elapsed.TotalMilliseconds);
            strict[d].Add(photo.Faces, found);
            loose[d].Add(photo.Faces, found);
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            photo.Image.SaveAsPng(Path.Combine(outDir, $"crowd{index}.png"));
            File.WriteAllLines(Path.Combine(outDir, $"crowd{index}.csv"),
                photo.Faces.Select(f => FormattableString.Invariant($"{f.Box.X:F1},{f.Box.Y:F1},{f.Box.Width:F1},{f.Box.Height:F1},{f.Rotated},{f.Covered}")));
        }

        photo.Image.Dispose();
        index++;
    }

    Console.WriteLine($"\n## Crowd set: {CrowdPhotos} photos {CrowdSet.Width}×{CrowdSet.Height}, {crowdFaces} faces, seed {CrowdSeed}\n");
    Console.WriteLine($"Recall by true face width at IoU ≥ 0.5, recall of rotated and covered faces, precision; then recall and precision at IoU ≥ {LooseIou}.\n");
    Console.WriteLine($"| detector | {DetectionScoring.BinHeaders} | all | rotated | covered | precision | all @ IoU ≥ {LooseIou} | precision @ IoU ≥ {LooseIou} | median ms/photo |\n|{string.Concat(Enumerable.Repeat(" --- |", DetectionScoring.SizeBins.Length + 8))}");
    for (var d = 0; d < detectors.Length; d++)
    {
        Console.WriteLine($"| {detectors[d].Name} | {strict[d].RecallCells} | {loose[d].Recall} | {loose[d].Precision} | {Median.Of(times[d]):F0} |");
    }

    foreach (var image in sources.Select(s => s.Item1).Distinct())
    {
        image.Dispose();
    }
}

void AlignerCosts()
{
    var keypointMs = new List<double>();
    var landmarkMs = new List<double>();
    var descriptorMs = new List<double>();
    for (var i = 1; i <= 6; i++)
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(i));
        foreach (var face in blazeFace.Detect(image, tiling: false))
        {
            var stopwatch = Stopwatch.StartNew();
            using var chip = keypointAligner.Align(image, face, chipSize);
            keypointMs.Add(stopwatch.Elapsed.TotalMilliseconds);
            stopwatch.Restart();
            embedder.Embed([chip]);
            descriptorMs.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        foreach (var face in ssd.Detect(image))
        {
            var stopwatch = Stopwatch.StartNew();
            using var chip = landmarkAligner.Align(image, face, chipSize);
            landmarkMs.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    // The first call of each includes one-off start-up costs.
    Console.WriteLine("\n## Cost per face on the sample photos (median, first call left out)\n");
    Console.WriteLine("| step | ms/face | faces |\n| --- | --- | --- |");
    Console.WriteLine($"| SimilarityFaceAligner (BlazeFace keypoints) | {Median.Of(keypointMs.Skip(1)):F1} | {keypointMs.Count - 1} |");
    Console.WriteLine($"| LandmarkFaceAligner (68-point net on the SSD box) | {Median.Of(landmarkMs.Skip(1)):F1} | {landmarkMs.Count - 1} |");
    Console.WriteLine($"| dlib descriptor, one chip (mirror averaging runs it twice) | {Median.Of(descriptorMs.Skip(1)):F1} | {descriptorMs.Count - 1} |");
}

void VerificationTable()
{
    var files = Directory.GetFiles(Path.Combine(TestPaths.Faces, "identities"), "*.png", SearchOption.AllDirectories).Order().ToArray();
    var gallery = new SortedDictionary<string, List<(string, float[])>>(StringComparer.Ordinal);
    var (blazeMissed, ssdMissed) = (0, 0);
    foreach (var file in files)
    {
        using var stored = Image.Load<Rgb24>(file);

        // The stored chips are tight crops: detect on the chip centred in a black canvas three times its size.
        using var canvas = new Image<Rgb24>(stored.Width * 3, stored.Height * 3);
        canvas.Mutate(x => x.DrawImage(stored, new Point(stored.Width, stored.Height), 1f));
        var chipBox = new DetectedFace(new RectangleF(stored.Width, stored.Height, stored.Width, stored.Height), 0, []);
        var byBlazeFace = Largest(blazeFace.Detect(canvas, tiling: false));
        var bySsd = Largest(ssd.Detect(canvas));
        (blazeMissed, ssdMissed) = (blazeMissed + (byBlazeFace is null ? 1 : 0), ssdMissed + (bySsd is null ? 1 : 0));
        List<(string Name, Image<Rgb24> Chip)> chips = [(StoredChip, stored.Clone())];
        if (byBlazeFace is not null)
        {
            chips.Add((KeypointAligned, keypointAligner.Align(canvas, byBlazeFace, chipSize)));
        }

        chips.Add((LandmarkOnBlazeFace, landmarkAligner.Align(canvas, byBlazeFace ?? chipBox, chipSize)));
        chips.Add((LandmarkOnSsd, landmarkAligner.Align(canvas, bySsd ?? chipBox, chipSize)));
        Describe(gallery, Path.GetFileName(Path.GetDirectoryName(file)!), chips);
    }

    Console.WriteLine($"\n## Verification: {files.Length} identity chips, all {files.Length * (files.Length - 1) / 2} pairs");
    Console.WriteLine($"\nBlazeFace missed {blazeMissed} chips (the keypoint rows then lack them; the landmark rows use the chip box), SSD missed {ssdMissed}. FAR = different-people pairs accepted, FRR = same-person pairs rejected (distance ≤ threshold accepts); margin = min different − max same.\n");
    Console.WriteLine(Verification.Header);
    foreach (var (name, faces) in gallery)
    {
        Console.WriteLine(Verification.Row(name, Verification.AllPairs(faces)));
    }

    // Colour faces from the group photos, labelled by hand, against the greyscale identity chips as a watchlist.
    var labels = GroupLabel.Load(Path.Combine(TestPaths.RepositoryRoot, "tools", "FaceJobs.Accuracy", "group-labels.csv"));
    var queries = new SortedDictionary<string, List<(string, float[])>>(StringComparer.Ordinal);
    var unlocated = 0;
    foreach (var photo in labels.GroupBy(l => l.Photo))
    {
        using var image = Image.Load<Rgb24>(Path.Combine(TestPaths.Faces, "group", photo.Key));
        var blazeFaces = blazeFace.Detect(image, tiling: false);
        var ssdFaces = ssd.Detect(image);
        foreach (var label in photo)
        {
            if (At(blazeFaces, label.Point) is not { } byBlazeFace || At(ssdFaces, label.Point) is not { } bySsd)
            {
                unlocated++;
                continue;
            }

            Describe(queries, label.Identity,
            [
                (KeypointAligned, keypointAligner.Align(image, byBlazeFace, chipSize)),
                (LandmarkOnBlazeFace, landmarkAligner.Align(image, byBlazeFace, chipSize)),
                (LandmarkOnSsd, landmarkAligner.Align(image, bySsd, chipSize)),
            ]);
        }
    }

    var queryCount = queries.Values.First().Count;
    Console.WriteLine($"\n## Verification: {queryCount} labelled colour faces from the group photos × {files.Length} identity chips ({labels.Count - unlocated} of {labels.Count} labels found by both detectors)\n");
    Console.WriteLine("Each group face against every identity chip, both aligned the same way; nearest = the nearest identity chip is the right person.\n");
    Console.WriteLine(Verification.Header.Replace(" |\n", " | nearest is right |\n", StringComparison.Ordinal) + " --- |");
    foreach (var (name, faces) in queries)
    {
        Console.WriteLine($"{Verification.Row(name, Verification.CrossPairs(faces, gallery[name]))} {Verification.NearestIsSame(faces, gallery[name])}/{faces.Count} |");
    }
}

void Describe(SortedDictionary<string, List<(string, float[])>> variants, string identity, List<(string Name, Image<Rgb24> Chip)> chips)
{
    foreach (var (name, chip) in chips)
    {
        foreach (var mirror in new[] { false, true })
        {
            var key = name + (mirror ? ", mirror-averaged" : string.Empty);
            if (!variants.TryGetValue(key, out var list))
            {
                variants[key] = list = [];
            }

            list.Add((identity, describer.Describe(chip, mirror)));
        }

        chip.Dispose();
    }
}

static DetectedFace? At(IReadOnlyList<DetectedFace> faces, PointF point) =>
    faces.Where(f => f.Box.Contains(point)).MinBy(f => Vector2.Distance(point, new Vector2(f.Box.X + (f.Box.Width / 2), f.Box.Y + (f.Box.Height / 2))));

static DetectedFace? Largest(IReadOnlyList<DetectedFace> faces) => faces.MaxBy(f => f.Box.Width * f.Box.Height);
