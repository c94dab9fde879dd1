using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>Finds faces in a decoded, upright image. Implementations are thread-safe singletons.</summary>
public interface IFaceDetector
{
    /// <summary>Returns every face found, highest score first. Does not modify <paramref name="image"/>.</summary>
    IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image);
}
