using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class DownscalingFaceDetectorTests(VisionFixture vision) : IClassFixture<VisionFixture>
{
    [Fact]
    public void Detect_FindsTheSameFacesInPhotoPixels_WhenDetectingOnAHalfSizeCopy()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(5));
        var full = vision.Detector.Detect(image);

        var halved = new DownscalingFaceDetector(vision.Detector, Math.Max(image.Width, image.Height) / 2).Detect(image);

        Assert.Equal(5, full.Count);
        Assert.Equal(full.Count, halved.Count);
        foreach (var face in halved)
        {
            var twin = full.MaxBy(f => BoxMatching.IntersectionOverUnion(f.Box, face.Box))!;
            Assert.True(BoxMatching.IntersectionOverUnion(twin.Box, face.Box) > 0.7, $"{face.Box} vs {twin.Box}");
            Assert.True(PointF.Subtract(twin.Keypoints[0], face.Keypoints[0]) is var d && MathF.Sqrt((d.X * d.X) + (d.Y * d.Y)) < twin.Box.Width * 0.1f);
        }
    }

    [Fact]
    public void Detect_PassesPhotoThrough_WhenNotLargerThanTheLimit()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));

        var faces = new DownscalingFaceDetector(vision.Detector, Math.Max(image.Width, image.Height)).Detect(image);

        Assert.Equal(vision.Detector.Detect(image).Select(f => f.Box), faces.Select(f => f.Box));
    }
}
