using FaceJobs.Core.Faces;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class FaceEmbeddingTests(VisionFixture vision, ITestOutputHelper output) : IClassFixture<VisionFixture>
{
    [Fact]
    public void Embed_PutsEachPersonCloserToThemselvesThanToOthers_WhenGivenSharedIdentities()
    {
        var faces = Directory.GetDirectories(Path.Combine(TestPaths.Faces, "identities"))
            .SelectMany(dir => Directory.GetFiles(dir).Order().Select(file => (Identity: Path.GetFileName(dir), File: file)))
            .ToList();
        var descriptors = EmbedLargestFaces(faces.Select(f => f.File).ToList());

        var nearestCorrect = 0;
        for (var i = 0; i < faces.Count; i++)
        {
            var nearest = Enumerable.Range(0, faces.Count).Where(j => j != i)
                .MinBy(j => DescriptorDistance.Euclidean(descriptors[i], descriptors[j]));
            nearestCorrect += faces[nearest].Identity == faces[i].Identity ? 1 : 0;
        }

        foreach (var identity in faces.Select(f => f.Identity).Distinct())
        {
            var mine = Enumerable.Range(0, faces.Count).Where(i => faces[i].Identity == identity).ToList();
            var others = Enumerable.Range(0, faces.Count).Except(mine).ToList();
            var same = mine.SelectMany(a => mine.Where(b => b > a), (a, b) => DescriptorDistance.Euclidean(descriptors[a], descriptors[b])).Average();
            var different = mine.SelectMany(_ => others, (a, b) => DescriptorDistance.Euclidean(descriptors[a], descriptors[b])).Average();
            output.WriteLine($"{identity}: mean distance to self {same:F3}, to others {different:F3}");
            Assert.True(same < different, $"{identity}: {same:F3} to self, {different:F3} to others");
        }

        output.WriteLine($"nearest neighbour is the same person for {nearestCorrect} of {faces.Count}");
        Assert.True(nearestCorrect >= faces.Count * 0.9, $"{nearestCorrect} of {faces.Count}");
    }

    [Fact]
    public void Embed_GivesTheSameDescriptorsInOneBatchAsOneByOne_WhenGivenSeveralChips()
    {
        using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(5)));
        var chips = vision.Detector.Detect(image).Select(f => vision.Aligner.Align(image, f, vision.Embedder.ChipSize)).ToList();
        try
        {
            var batch = vision.Embedder.Embed(chips);
            var single = chips.Select(c => vision.Embedder.Embed([c])[0]).ToList();

            Assert.Equal(5, batch.Count);
            Assert.All(batch, d => Assert.Equal(vision.Embedder.Dimensions, d.Length));
            Assert.All(batch.Zip(single), p => Assert.InRange(DescriptorDistance.Euclidean(p.First, p.Second), 0, 1e-4f));
            // Five different people in the photo: no two descriptors should coincide.
            Assert.All(batch.SelectMany((a, i) => batch.Skip(i + 1), (a, b) => DescriptorDistance.Euclidean(a, b)), d => Assert.True(d > 0.3f, $"distance {d}"));
        }
        finally
        {
            chips.ForEach(c => c.Dispose());
        }
    }

    private List<float[]> EmbedLargestFaces(List<string> files)
    {
        var chips = new List<Image<Rgb24>>();
        foreach (var file in files)
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(file));
            var face = vision.Detector.Detect(image).MaxBy(f => f.Box.Width * f.Box.Height);
            Assert.True(face is not null, $"no face found in {file}");
            chips.Add(vision.Aligner.Align(image, face, vision.Embedder.ChipSize));
        }

        try
        {
            return vision.Embedder.Embed(chips).ToList();
        }
        finally
        {
            chips.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void MirrorAveraging_GivesSameDescriptorForChipAndItsMirror_WhenAveraging()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));
        var face = vision.Detector.Detect(image)[0];
        using var chip = vision.Aligner.Align(image, face, vision.Embedder.ChipSize);
        using var mirror = chip.Clone(x => x.Flip(FlipMode.Horizontal));
        var averaging = new MirrorAveragingEmbedder(vision.Embedder);

        var plain = vision.Embedder.Embed([chip, mirror]);
        var averaged = averaging.Embed([chip, mirror]);

        Assert.True(DescriptorDistance.Euclidean(plain[0], plain[1]) > 0.01f, "a face and its mirror differ to the plain recognizer");
        Assert.True(DescriptorDistance.Euclidean(averaged[0], averaged[1]) < 1e-4f);
        Assert.Equal(0f, DescriptorDistance.Euclidean(averaged[0], plain[0].Zip(plain[1], (a, b) => (a + b) / 2).ToArray()), 1e-5f);
    }

    [Fact]
    public void Jittering_StaysNearThePlainDescriptorAndRepeats_WhenDescribingOneFaceTwice()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));
        var face = vision.Detector.Detect(image)[0];
        using var chip = vision.Aligner.Align(image, face, vision.Embedder.ChipSize);
        var jittering = new JitteringEmbedder(vision.Embedder, jitters: 4);

        var plain = vision.Embedder.Embed([chip])[0];
        var first = jittering.Embed([chip])[0];
        var second = jittering.Embed([chip])[0];

        var moved = DescriptorDistance.Euclidean(plain, first);
        output.WriteLine($"4 jitters moved the descriptor by {moved:F4}");
        Assert.InRange(moved, 1e-3f, 0.15f);
        Assert.Equal(0f, DescriptorDistance.Euclidean(first, second), 1e-6f);
    }

    [Fact]
    public void Jittering_GivesEachChipItsOwnMean_WhenGivenABatch()
    {
        using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(5)));
        var chips = vision.Detector.Detect(image).Select(f => vision.Aligner.Align(image, f, vision.Embedder.ChipSize)).ToList();
        try
        {
            var jittering = new JitteringEmbedder(vision.Embedder, jitters: 2);

            var batch = jittering.Embed(chips);
            var single = chips.Select(c => jittering.Embed([c])[0]).ToList();

            Assert.Equal(chips.Count, batch.Count);
            Assert.All(batch.Zip(single), p => Assert.InRange(DescriptorDistance.Euclidean(p.First, p.Second), 0, 1e-4f));
        }
        finally
        {
            chips.ForEach(c => c.Dispose());
        }
    }
}
