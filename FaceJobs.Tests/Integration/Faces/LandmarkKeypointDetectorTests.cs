using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class LandmarkKeypointDetectorTests(LandmarkNetFixture landmarks, SsdDetectorFixture ssd)
    : IClassFixture<LandmarkNetFixture>, IClassFixture<SsdDetectorFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Detect_GivesSixKeypointsInFaceOrder_ForSsdFaces(int sample)
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(sample));
        var detector = new LandmarkKeypointDetector(ssd.Detector, landmarks.Net);

        var faces = detector.Detect(image);

        Assert.Equal(ssd.Detector.Detect(image).Select(f => f.Box), faces.Select(f => f.Box));
        Assert.All(faces, face =>
        {
            var k = face.Keypoints;
            Assert.Equal(6, k.Count);
            var inner = RectangleF.Inflate(face.Box, face.Box.Width * 0.1f, face.Box.Height * 0.1f);
            Assert.All(k.Take(4), p => Assert.True(inner.Contains(p), $"{p} outside {face.Box}"));
            Assert.True(k[(int)FaceKeypoint.RightEye].X < k[(int)FaceKeypoint.LeftEye].X, "the subject's right eye is on the image's left");
            Assert.True(k[(int)FaceKeypoint.RightEar].X < k[(int)FaceKeypoint.LeftEar].X, "the subject's right ear is on the image's left");
            var eyesY = (k[(int)FaceKeypoint.RightEye].Y + k[(int)FaceKeypoint.LeftEye].Y) / 2;
            Assert.True(eyesY < k[(int)FaceKeypoint.NoseTip].Y && k[(int)FaceKeypoint.NoseTip].Y < k[(int)FaceKeypoint.MouthCentre].Y, "eyes above nose above mouth");
        });
    }
}
