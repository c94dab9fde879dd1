using System.Numerics;
using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Cuts dlib-style face chips: the similarity transform that best puts the eyes, nose tip and mouth centre on
/// dlib's mean face (padding 0.25), sampled bilinearly.
/// </summary>
public sealed class SimilarityFaceAligner : IFaceAligner
{
    private static readonly FaceKeypoint[] UsedKeypoints =
        [FaceKeypoint.RightEye, FaceKeypoint.LeftEye, FaceKeypoint.NoseTip, FaceKeypoint.MouthCentre];

    public Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size)
    {
        var transform = ImageToChip(face, size);
        return image.Clone(x => x.Transform(
            new Rectangle(0, 0, image.Width, image.Height), transform, new Size(size, size), KnownResamplers.Triangle));
    }

    /// <summary>The transform from image pixels to chip pixels for this face.</summary>
    public static Matrix3x2 ImageToChip(DetectedFace face, int size)
    {
        var from = UsedKeypoints.Select(k => (Vector2)face.Keypoints[(int)k]).ToArray();
        return SimilarityTransform.Estimate(from, DlibMeanFace.ChipPoints(size));
    }
}
