using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class SmallFaceDetectionTests(VisionFixture vision, ITestOutputHelper output) : IClassFixture<VisionFixture>
{
    private static readonly int[] Sizes = [12, 16, 24, 32, 48, 64, 96];

    [Fact]
    public void Detect_FindsMoreSmallFacesWithTiling_WhenFacesArePastedSmallOnALargeCanvas()
    {
        using var sources = SourceFaces.Find(vision.Detector, Enumerable.Range(1, 6).Select(TestPaths.Sample));
        using var canvas = CrowdCanvas.Grid(sources, Sizes, facesPerSize: 8);

        var plain = Recall(canvas, vision.Detector.Detect(canvas.Image, tiling: false), "off");
        var tiled = Recall(canvas, vision.Detector.Detect(canvas.Image, tiling: true), "on");
        foreach (var tileSize in new[] { 256, 512 })
        {
            Recall(canvas, vision.Detector.Detect(canvas.Image, new FaceTilingOptions { TileSize = tileSize }), $"on, {tileSize} px tiles");
        }

        Assert.True(tiled.Overall > plain.Overall, $"tiling recall {tiled.Overall:F2} not above {plain.Overall:F2}");
        Assert.All(Sizes.Where(s => s >= 32), size => Assert.True(tiled.BySize[size] >= 0.85, $"{size}px recall {tiled.BySize[size]:F2}"));
        Assert.True(tiled.Precision >= 0.9, $"tiling precision {tiled.Precision:F2}");
    }

    [Fact]
    public void Detect_FindsMoreSmallFacesByMagnifying_WhenThePhotoIsSmall()
    {
        int[] sizes = [14, 20, 28];
        using var sources = SourceFaces.Find(vision.Detector, Enumerable.Range(1, 6).Select(TestPaths.Sample));
        using var canvas = CrowdCanvas.Grid(sources, sizes, facesPerSize: 6, new Size(720, 420));

        var unmagnified = Recall(canvas, sizes, vision.Detector.Detect(canvas.Image, new FaceTilingOptions { Magnification = 1 }), "on, no magnification");
        var magnified = Recall(canvas, sizes, vision.Detector.Detect(canvas.Image, new FaceTilingOptions()), "on, default magnification");

        Assert.True(magnified.Overall > unmagnified.Overall, $"magnified recall {magnified.Overall:F2} not above {unmagnified.Overall:F2}");
        Assert.True(magnified.BySize[20] >= 0.75, $"20px recall {magnified.BySize[20]:F2}");
        Assert.True(magnified.Precision >= 0.9, $"magnified precision {magnified.Precision:F2}");
    }

    [SkippableFact]
    public void Detect_KeepsEveryFaceFoundWithoutTiling_WhenTilingGroupPhotos()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Faces, "group"), "*.jpg").Order())
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
            var plain = vision.Detector.Detect(image, tiling: false).Select(f => f.Box).ToList();
            var tiled = vision.Detector.Detect(image, tiling: true).Select(f => f.Box).ToList();
            output.WriteLine($"{Path.GetFileName(path)} {image.Width}x{image.Height}: {plain.Count} faces without tiling, {tiled.Count} with");

            Assert.NotEmpty(plain);
            Assert.Equal(plain.Count, BoxMatching.CountMatches(plain, tiled, 0.5f));
        }
    }

    private (double Overall, Dictionary<int, double> BySize, double Precision) Recall(
        CrowdCanvas canvas, IReadOnlyList<DetectedFace> detected, string tiling) => Recall(canvas, Sizes, detected, tiling);

    private (double Overall, Dictionary<int, double> BySize, double Precision) Recall(
        CrowdCanvas canvas, IReadOnlyList<int> sizes, IReadOnlyList<DetectedFace> detected, string tiling)
    {
        var boxes = canvas.Faces.Select(f => f.Box).ToList();
        var matched = BoxMatching.MatchedAnnotations(boxes, detected.Select(d => d.Box).ToList(), 0.5f);
        var bySize = sizes.ToDictionary(
            size => size,
            size => (double)Enumerable.Range(0, boxes.Count).Count(i => canvas.Faces[i].Size == size && matched.Contains(i)) /
                canvas.Faces.Count(f => f.Size == size));
        var overall = (double)matched.Count / boxes.Count;
        var precision = detected.Count == 0 ? 1 : (double)matched.Count / detected.Count;
        output.WriteLine($"tiling {tiling}: recall {overall:F2}, precision {precision:F2} ({detected.Count} detections); by face size: " +
            string.Join(", ", bySize.Select(kv => $"{kv.Key}px {kv.Value:F2}")));
        return (overall, bySize, precision);
    }
}
