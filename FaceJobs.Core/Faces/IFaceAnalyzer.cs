namespace FaceJobs.Core.Faces;

/// <summary>The whole vision pipeline over encoded image bytes: decode (EXIF-upright), detect, align, embed.</summary>
public interface IFaceAnalyzer
{
    /// <summary>Detects faces and returns each with a JPEG thumbnail of its box.</summary>
    IReadOnlyList<FoundFace> DetectFaces(ReadOnlyMemory<byte> encodedImage);

    /// <summary>Aligns and embeds the given faces of the image, in order.</summary>
    IReadOnlyList<float[]> EmbedFaces(ReadOnlyMemory<byte> encodedImage, IReadOnlyList<DetectedFace> faces);
}

/// <summary>A detected face with a small JPEG crop for display and alert mails.</summary>
public sealed record FoundFace(DetectedFace Face, byte[] ThumbnailJpeg);
