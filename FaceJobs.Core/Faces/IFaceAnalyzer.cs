using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// The whole vision pipeline: decode (EXIF-upright), detect, align, embed. A job decodes its photo once
/// (<see cref="FaceAnalyzer.DecodeUpright"/>) and passes the image to each step.
/// </summary>
public interface IFaceAnalyzer
{
    /// <summary>Detects faces on an uploaded photo and returns each with a JPEG thumbnail of its box.</summary>
    IReadOnlyList<FoundFace> DetectFaces(Image<Rgb24> image);

    /// <summary>
    /// Detects faces on a watchlist reference photo: as <see cref="DetectFaces(Image{Rgb24})"/>, and when a face fills
    /// the frame or none is found, again on a padded canvas (<see cref="TightCropFaceDetector"/>).
    /// </summary>
    IReadOnlyList<FoundFace> DetectReferenceFaces(Image<Rgb24> image);

    /// <summary>Aligns and embeds the given faces of the image, in order.</summary>
    IReadOnlyList<float[]> EmbedFaces(Image<Rgb24> image, IReadOnlyList<DetectedFace> faces);
}

/// <summary>A detected face with a small JPEG crop for display and alert mails.</summary>
public sealed record FoundFace(DetectedFace Face, byte[] ThumbnailJpeg);
