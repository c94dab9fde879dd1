using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Describes a face by the mean of the descriptors of its chip and of the chip mirrored left to right, which evens out
/// a face turned slightly to one side; both go through the recognizer in one batch.
/// </summary>
public sealed class MirrorAveragingEmbedder(IFaceEmbedder inner) : IFaceEmbedder
{
    public int ChipSize => inner.ChipSize;

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<Image<Rgb24>> chips)
    {
        var mirrored = chips.Select(chip => chip.Clone(x => x.Flip(FlipMode.Horizontal))).ToList();
        try
        {
            var descriptors = inner.Embed([.. chips, .. mirrored]);
            return chips.Select((_, i) => Mean(descriptors[i], descriptors[chips.Count + i])).ToList();
        }
        finally
        {
            mirrored.ForEach(chip => chip.Dispose());
        }
    }

    private static float[] Mean(float[] a, float[] b)
    {
        var mean = new float[a.Length];
        for (var i = 0; i < a.Length; i++)
            mean[i] = (a[i] + b[i]) / 2;
        return mean;
    }
}
