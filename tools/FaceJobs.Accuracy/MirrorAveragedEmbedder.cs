using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Accuracy;

/// <summary>The product's dlib descriptor, optionally the mean of the chip's and its horizontal mirror's descriptors.</summary>
internal sealed class MirrorAveragedEmbedder(IFaceEmbedder embedder)
{
    private readonly MirrorAveragingEmbedder _mirrored = new(embedder);

    public float[] Describe(Image<Rgb24> chip, bool mirrorAverage) =>
        (mirrorAverage ? _mirrored : embedder).Embed([chip])[0];
}
