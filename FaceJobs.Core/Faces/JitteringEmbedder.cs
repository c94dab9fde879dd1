using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// dlib's "num_jitters" for a steadier descriptor: the mean of the descriptors of the chip and of
/// <paramref name="jitters"/> slightly shifted, zoomed and rotated re-crops of it (<see cref="ChipJitter"/>, the same
/// re-crops for every face), all in one batch of the inner embedder. Costs <paramref name="jitters"/> + 1 times the
/// inner embedder's time.
/// </summary>
public sealed class JitteringEmbedder(IFaceEmbedder inner, int jitters) : IFaceEmbedder
{
    private readonly IReadOnlyList<SimilarityTransform> _recrops = ChipJitter.Transforms(jitters, inner.ChipSize);

    public int ChipSize => inner.ChipSize;

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<Image<Rgb24>> chips)
    {
        var recropped = chips.SelectMany(chip => _recrops.Select(t => ChipSampler.Sample(chip, t, ChipSize))).ToList();
        try
        {
            var descriptors = inner.Embed([.. chips, .. recropped]);
            var perChip = _recrops.Count;
            return chips.Select((_, i) => Mean([descriptors[i], .. descriptors.Skip(chips.Count + (i * perChip)).Take(perChip)])).ToList();
        }
        finally
        {
            recropped.ForEach(chip => chip.Dispose());
        }
    }

    private static float[] Mean(IReadOnlyList<float[]> descriptors)
    {
        var mean = new float[descriptors[0].Length];
        foreach (var descriptor in descriptors)
        {
            for (var i = 0; i < mean.Length; i++)
                mean[i] += descriptor[i];
        }

        for (var i = 0; i < mean.Length; i++)
            mean[i] /= descriptors.Count;
        return mean;
    }
}
