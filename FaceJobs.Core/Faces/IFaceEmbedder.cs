using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>Turns aligned face chips into descriptors; two faces of one person lie close together.</summary>
public interface IFaceEmbedder
{
    /// <summary>Side of the square chip this embedder takes, in pixels.</summary>
    int ChipSize { get; }

    /// <summary>Length of each descriptor.</summary>
    int Dimensions { get; }

    /// <summary>Embeds a batch of chips of <see cref="ChipSize"/> pixels; one descriptor per chip, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<Image<Rgb24>> chips);
}
