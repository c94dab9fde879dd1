using FaceJobs.Core.Faces;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class BlazeFaceDetectorTests(VisionFixture vision, ITestOutputHelper output) : IClassFixture<VisionFixture>
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    [InlineData(6, 4)]
    public void Detect_FindsEveryFaceAndNothingElse_WhenGivenSamplePhoto(int sample, int expectedFaces)
    {
        using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(sample)));

        var faces = vision.Detector.Detect(image);

        foreach (var face in faces)
        {
            output.WriteLine($"{face.Score:F3} {face.Box}");
        }

        Assert.Equal(expectedFaces, faces.Count);
    }
}
