using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class ExifOrientationTests(VisionFixture vision) : IClassFixture<VisionFixture>
{
    [Theory]
    [InlineData(6, RotateMode.Rotate270)]
    [InlineData(8, RotateMode.Rotate90)]
    [InlineData(3, RotateMode.Rotate180)]
    public void DecodeUprightThenDetect_FindsTheUprightFaces_WhenJpegIsStoredRotatedWithExifOrientation(ushort orientation, RotateMode storedAs)
    {
        var upright = Reencode(TestPaths.Sample(4), null, RotateMode.None);
        var rotated = Reencode(TestPaths.Sample(4), orientation, storedAs);

        var expected = Detect(upright);
        var actual = Detect(rotated);

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Count, BoxMatching.CountMatches(expected, actual, 0.8f));
    }

    /// <summary>Re-encodes a photo with its pixels turned as a camera held sideways would store them, plus the EXIF tag that undoes it.</summary>
    private static byte[] Reencode(string path, ushort? orientation, RotateMode storedAs)
    {
        using var image = Image.Load<Rgb24>(path);
        image.Mutate(x => x.AutoOrient().Rotate(storedAs));
        image.Metadata.ExifProfile = new ExifProfile();
        if (orientation is { } value)
        {
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, value);
        }

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private List<RectangleF> Detect(byte[] jpeg)
    {
        using var image = FaceAnalyzer.DecodeUpright(jpeg);
        return vision.Detector.Detect(image).Select(f => f.Box).ToList();
    }
}
