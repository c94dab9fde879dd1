using FaceJobs.Core.Faces;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class TightCropFaceDetectorTests(VisionFixture vision) : IClassFixture<VisionFixture>
{
    [Fact]
    public void Detect_MakesEveryCropNearestToItsOwnPerson_WhenFacesFillTheFrame()
    {
        var detector = new TightCropFaceDetector(vision.Detector);
        var crops = Directory.GetDirectories(Path.Combine(TestPaths.Faces, "identities"))
            .SelectMany(dir => Directory.GetFiles(dir).Order().Select(file => (Person: Path.GetFileName(dir), File: file)))
            .ToList();

        var descriptors = crops.Select(crop =>
        {
            using var image = Image.Load<Rgb24>(crop.File);
            var face = detector.Detect(image).MaxBy(f => f.Box.Width)!;
            using var chip = vision.Aligner.Align(image, face, vision.Embedder.ChipSize);
            return vision.Embedder.Embed([chip])[0];
        }).ToList();

        var wrong = crops.Where((crop, i) => crops[Enumerable.Range(0, crops.Count).Where(j => j != i)
            .MinBy(j => DescriptorDistance.Euclidean(descriptors[i], descriptors[j]))].Person != crop.Person).Select(c => c.File).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Detect_KeepsFirstAnswer_WhenFacesAreSmallInThePhoto()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(2));

        var faces = new TightCropFaceDetector(vision.Detector).Detect(image);

        Assert.Equal(vision.Detector.Detect(image).Select(f => f.Box), faces.Select(f => f.Box));
    }
}
