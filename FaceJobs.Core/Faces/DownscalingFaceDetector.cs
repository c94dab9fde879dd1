using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Runs a detector on a copy of the photo no larger than <c>maxSide</c> pixels on its long side, and maps what it finds
/// back to the photo's own pixels. Tiled detection costs grow with the photo's area (2.0 s on a 12 MP photo against
/// 0.48 s at 1920 px, docs/accuracy.md); faces are then aligned on the full-resolution photo.
/// </summary>
public sealed class DownscalingFaceDetector(IFaceDetector inner, int maxSide) : IFaceDetector
{
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image)
    {
        var longSide = Math.Max(image.Width, image.Height);
        if (maxSide <= 0 || longSide <= maxSide)
            return inner.Detect(image);

        var scale = (float)maxSide / longSide;
        using var smaller = image.Clone(x => x.Resize(
            Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)), KnownResamplers.Triangle));
        var back = new SizeF((float)image.Width / smaller.Width, (float)image.Height / smaller.Height);
        return inner.Detect(smaller).Select(face => ScaleUp(face, back)).ToList();
    }

    internal static DetectedFace ScaleUp(DetectedFace face, SizeF factor) => face with
    {
        Box = new RectangleF(face.Box.X * factor.Width, face.Box.Y * factor.Height, face.Box.Width * factor.Width, face.Box.Height * factor.Height),
        Keypoints = face.Keypoints.Select(p => new PointF(p.X * factor.Width, p.Y * factor.Height)).ToList(),
    };
}
