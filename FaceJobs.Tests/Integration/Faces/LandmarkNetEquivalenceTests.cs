using System.Security.Cryptography;
using FaceJobs.ModelConversion.Networks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The converted FaceLandmark68Net with the C# crop, padding and resize against face-api itself on
/// every face face-api's SSD finds in the PNG test images, and the byte-for-byte reconversion.
/// </summary>
public sealed class LandmarkNetEquivalenceTests(LandmarkNetFixture landmarks) : IClassFixture<LandmarkNetFixture>
{
    private const float RawTolerance = 1e-3f;
    private const float PointTolerance = 0.1f;

    private static readonly LandmarkReference Reference = LandmarkReference.Load();

    public static TheoryData<string> Faces() => new(Reference.Faces.Select(f => f.Key));

    [Theory]
    [MemberData(nameof(Faces))]
    public void RunNetwork_MatchesFaceApiWithinTolerance_ForReferenceCrop(string key)
    {
        var face = Reference.Faces.Single(f => f.Key == key);
        using var image = Image.Load<Rgb24>(face.FullPath);

        var raw = landmarks.Net.RunNetwork(image, new Rectangle(face.Crop.X, face.Crop.Y, face.Crop.Width, face.Crop.Height));

        Assert.Equal(face.Raw.Length, raw.Length);
        var maxDiff = raw.Zip(face.Raw, (a, e) => Math.Abs(a - e)).Max();
        Assert.True(maxDiff <= RawTolerance, $"{key}: max |diff| {maxDiff:E3} against {Reference.Runtime}");
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void Locate_PutsPointsWhereFaceApiDoes_ForReferenceCrop(string key)
    {
        var face = Reference.Faces.Single(f => f.Key == key);
        using var image = Image.Load<Rgb24>(face.FullPath);

        var points = landmarks.Net.Locate(image, new RectangleF(face.Crop.X, face.Crop.Y, face.Crop.Width, face.Crop.Height));

        var worst = points.Zip(face.Points, (p, e) => Math.Max(Math.Abs(p.X - e[0]), Math.Abs(p.Y - e[1]))).Max();
        Assert.True(worst <= PointTolerance, $"{key}: a landmark is {worst:F3} px from face-api's");
    }

    [Fact]
    public void Convert_ReproducesCommittedOnnxByteForByte_FromFaceApiNpmPackage()
    {
        var converted = FaceLandmark68Converter.Convert(FaceApiModelFiles.Directory);

        var committed = File.ReadAllBytes(Path.Combine(TestPaths.Models, "face_landmark_68.onnx"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(committed)), Convert.ToHexStringLower(SHA256.HashData(converted)));
    }
}
