using System.Security.Cryptography;
using FaceJobs.ModelConversion.Networks;
using FaceJobs.Tests.Fixtures;
using Xunit;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The converted dlib ResNet ONNX against face-api itself: same descriptors on the same chips, and a
/// converter that rebuilds the committed file byte for byte from the pinned npm package.
/// </summary>
public sealed class RecognizerEquivalenceTests(RecognizerOnnxFixture recognizer) : IClassFixture<RecognizerOnnxFixture>
{
    private const float Tolerance = 1e-3f;
    private const int IdentityImages = 40;

    private static readonly RecognizerReference Reference = RecognizerReference.Load();

    public static TheoryData<string> ReferenceChipFiles() => new(Reference.Chips.Select(chip => chip.File));

    [Theory]
    [MemberData(nameof(ReferenceChipFiles))]
    public void Describe_MatchesFaceApiWithinTolerance_ForReferenceChip(string file)
    {
        var chip = Reference.Chips.Single(c => c.File == file);

        var descriptor = recognizer.Describe([chip.FullPath]).Single();

        Assert.Equal(chip.Descriptor.Length, descriptor.Length);
        var maxDiff = MaxAbsDifference(chip.Descriptor, descriptor);
        Assert.True(maxDiff <= Tolerance, $"{file}: max |diff| {maxDiff:E3} > {Tolerance:E0} against {Reference.Runtime}");
    }

    [Fact]
    public void Describe_MatchesFaceApiWithinTolerance_WhenAllChipsRunAsOneBatch()
    {
        var descriptors = recognizer.Describe(Reference.Chips.Select(c => c.FullPath).ToArray());

        var worst = Reference.Chips.Zip(descriptors, (chip, d) => (chip.File, Diff: MaxAbsDifference(chip.Descriptor, d)))
            .MaxBy(x => x.Diff);
        Assert.True(worst.Diff <= Tolerance, $"{worst.File}: max |diff| {worst.Diff:E3} > {Tolerance:E0}");
    }

    [Fact]
    public void Reference_CoversEveryIdentityImageAndColourChip_WhenLoaded()
    {
        var identityImages = Directory.GetFiles(Path.Combine(TestPaths.Faces, "identities"), "*.png", SearchOption.AllDirectories);
        var colourChips = Directory.GetFiles(Path.Combine(TestPaths.TestData, "chips"), "*.png");

        Assert.Equal(IdentityImages, identityImages.Length);
        Assert.Equal(IdentityImages, Reference.Chips.Count(c => c.Root == "faces"));
        Assert.Equal(colourChips.Length, Reference.Chips.Count(c => c.Root == "testdata"));
        Assert.NotEmpty(colourChips);
    }

    [Fact]
    public void Describe_PutsSameIdentityCloserThanOtherIdentities_OnAverage()
    {
        var chips = Reference.Chips.Where(c => c.Identity is not null).ToArray();
        var descriptors = recognizer.Describe(chips.Select(c => c.FullPath).ToArray());

        var same = new List<double>();
        var different = new List<double>();
        for (var i = 0; i < chips.Length; i++)
        {
            for (var j = i + 1; j < chips.Length; j++)
            {
                (chips[i].Identity == chips[j].Identity ? same : different).Add(Distance(descriptors[i], descriptors[j]));
            }
        }

        Assert.True(same.Average() < different.Average(), $"mean distance same identity {same.Average():F3}, different {different.Average():F3}");
    }

    [Fact]
    public void Convert_ReproducesCommittedOnnxByteForByte_FromFaceApiNpmPackage()
    {
        var modelDirectory = Path.Combine(TestPaths.RepositoryRoot, "tools", "models", "node_modules", "@vladmandic", "face-api", "model");
        Assert.True(Directory.Exists(modelDirectory), $"face-api's npm files are missing at {modelDirectory}: run `npm ci --prefix tools/models` first.");

        var converted = DlibResNetConverter.Convert(modelDirectory);

        var committed = File.ReadAllBytes(Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(committed)), Convert.ToHexStringLower(SHA256.HashData(converted)));
    }

    private static float MaxAbsDifference(float[] expected, float[] actual) =>
        expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();

    private static double Distance(float[] a, float[] b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
}
