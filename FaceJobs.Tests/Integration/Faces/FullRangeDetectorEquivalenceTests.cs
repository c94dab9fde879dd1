using System.Security.Cryptography;
using FaceJobs.Core.Faces;
using FaceJobs.ModelConversion.Networks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The converted BlazeFace full-range ONNX against tfjs running the original graph model on the same pixels, and the
/// converter rebuilding the committed ONNX byte for byte from the npm package.
/// </summary>
public sealed class FullRangeDetectorEquivalenceTests(FullRangeDetectorFixture fullRange) : IClassFixture<FullRangeDetectorFixture>
{
    private const float RawTolerance = 1e-3f;

    private static readonly FullRangeReference Reference = FullRangeReference.Load();

    public static TheoryData<string> Images() => new(Reference.Images.Select(i => i.File));

    [Theory]
    [MemberData(nameof(Images))]
    public void RunNetwork_MatchesTfjsScoresAndRegressors_ForReferenceImage(string file)
    {
        var reference = Reference.Images.Single(i => i.File == file);
        using var image = Image.Load<Rgb24>(reference.FullPath);

        var raw = fullRange.Detector.RunNetwork(image);

        const int stride = BlazeFaceFullRangeConverter.ValuesPerAnchor;
        Assert.Equal(reference.Scores.Length * stride, raw.Length);
        var scoreDiff = reference.Scores.Select((s, a) => Math.Abs(raw[a * stride] - s)).Max();
        var regressorDiff = reference.Regressors.Max(r => r.Values.Select((v, k) => Math.Abs(raw[(r.Anchor * stride) + 1 + k] - v)).Max());
        Assert.True(scoreDiff <= RawTolerance, $"{file}: max |score logit diff| {scoreDiff:E3} against {Reference.Runtime}");
        Assert.True(regressorDiff <= RawTolerance, $"{file}: max |regressor diff| {regressorDiff:E3} against {Reference.Runtime}");
    }

    [Fact]
    public void Convert_ReproducesCommittedOnnxByteForByte_FromHumanModelsNpmPackage()
    {
        var converted = BlazeFaceFullRangeConverter.Convert(HumanModelsFiles.Directory);

        var committed = File.ReadAllBytes(Path.Combine(TestPaths.Models, "blazeface_full_range_192.onnx"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(committed)), Convert.ToHexStringLower(SHA256.HashData(converted)));
    }
}

/// <summary>The committed full-range ONNX behind the real detector, loaded once per test class.</summary>
public sealed class FullRangeDetectorFixture : IDisposable
{
    public BlazeFaceFullRangeDetector Detector { get; } = new(
        Path.Combine(TestPaths.Models, "blazeface_full_range_192.onnx"), new FaceOptions { IntraOpThreads = 2 });

    public void Dispose() => Detector.Dispose();
}
