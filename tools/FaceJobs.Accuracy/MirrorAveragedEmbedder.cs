using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Accuracy;

/// <summary>The product's dlib descriptor, optionally the mean of the chip's and its horizontal mirror's descriptors.</summary>
internal sealed class MirrorAveragedEmbedder(IFaceEmbedder embedder)
{
    public float[] Describe(Image<Rgb24> chip, bool mirrorAverage)
    {
        if (!mirrorAverage)
        {
            return embedder.Embed([chip])[0];
        }

        using var mirrored = chip.Clone(x => x.Flip(FlipMode.Horizontal));
        var both = embedder.Embed([chip, mirrored]);
        return both[0].Zip(both[1], (a, b) => (a + b) / 2).ToArray();
    }
}
