using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using Xunit;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class BlazeFaceDetectorTests(VisionFixture vision, ITestOutputHelper output) : IClassFixture<VisionFixture>
{
    /// <summary>face-api's sample photos and how many faces each shows.</summary>
    public static TheoryData<int, int> SampleFaceCounts => new() { { 1, 3 }, { 2, 3 }, { 3, 3 }, { 4, 4 }, { 5, 5 }, { 6, 4 } };

    [Theory]
    [MemberData(nameof(SampleFaceCounts))]
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

    [Theory]
    [MemberData(nameof(SampleFaceCounts))]
    public void DetectWithTiling_FindsTheSameFacesAsWithout_WhenGivenSamplePhoto(int sample, int expectedFaces)
    {
        using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(sample)));

        var plain = vision.Detector.Detect(image, tiling: false).Select(f => f.Box).ToList();
        var tiledFaces = vision.Detector.Detect(image, tiling: true);
        var tiled = tiledFaces.Select(f => f.Box).ToList();

        output.WriteLine("with tiling: " + string.Join(" ", tiledFaces.Select(f => $"[{f.Box.X:F0},{f.Box.Y:F0},{f.Box.Width:F0} {f.Score:F2}]")));
        Assert.Equal(expectedFaces, tiled.Count);
        Assert.Equal(expectedFaces, BoxMatching.CountMatches(plain, tiled, 0.5f));
    }

    [Fact]
    public void Detect_PutsFaceKeypointsInsideTheirBox_WhenGivenSamplePhotos()
    {
        var layout = new PointF[6];
        var count = 0;
        foreach (var sample in Enumerable.Range(1, 6))
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(sample)));
            foreach (var face in vision.Detector.Detect(image))
            {
                Assert.Equal(6, face.Keypoints.Count);
                // Eyes, nose and mouth lie inside the box; ears may sit on its edge.
                foreach (var point in face.Keypoints.Take(4))
                {
                    Assert.True(face.Box.Contains(point), $"sample {sample}: {point} outside {face.Box}");
                }

                Assert.True(face.Keypoints[(int)FaceKeypoint.RightEye].X < face.Keypoints[(int)FaceKeypoint.LeftEye].X);
                Assert.True(face.Keypoints[(int)FaceKeypoint.NoseTip].Y < face.Keypoints[(int)FaceKeypoint.MouthCentre].Y);
                for (var k = 0; k < 6; k++)
                {
                    layout[k] += new PointF(
                        (face.Keypoints[k].X - face.Box.X) / face.Box.Width, (face.Keypoints[k].Y - face.Box.Y) / face.Box.Height);
                }

                count++;
            }
        }

        output.WriteLine("mean keypoint layout in the box: " + string.Join(", ", layout.Select(p => $"({p.X / count:F2}, {p.Y / count:F2})")));
    }
}
