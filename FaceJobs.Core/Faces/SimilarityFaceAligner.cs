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
/// <remarks>
/// The image is cropped to the chip's footprint before the transform because ImageSharp sizes its sampling kernel
/// from source size ÷ target size: on a whole 1920 px photo that is a 13 px radius (a blurred chip, and ~0.5 s).
/// </remarks>
public sealed class SimilarityFaceAligner : IFaceAligner
{
    private static readonly FaceKeypoint[] UsedKeypoints =
        [FaceKeypoint.RightEye, FaceKeypoint.LeftEye, FaceKeypoint.NoseTip, FaceKeypoint.MouthCentre];

    public Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size)
    {
        var imageToChip = ImageToChip(face, size);
        var footprint = Footprint(imageToChip, size, image.Size());
        if (footprint.Width < 1 || footprint.Height < 1)
        {
            return new Image<Rgb24>(size, size);
        }

        var footprintToChip = Matrix3x2.CreateTranslation(footprint.X, footprint.Y) * imageToChip;
        return image.Clone(x => x
            .Crop(footprint)
            .Transform(new Rectangle(0, 0, footprint.Width, footprint.Height), footprintToChip, new Size(size, size), KnownResamplers.Triangle));
    }

    /// <summary>The transform from image pixels to chip pixels for this face.</summary>
    public static Matrix3x2 ImageToChip(DetectedFace face, int size)
    {
        var from = UsedKeypoints.Select(k => (Vector2)face.Keypoints[(int)k]).ToArray();
        return SimilarityTransform.Estimate(from, DlibMeanFace.ChipPoints(size));
    }

    /// <summary>The image pixels the chip is sampled from (plus a margin for the kernel), clipped to the image.</summary>
    private static Rectangle Footprint(Matrix3x2 imageToChip, int size, Size imageSize)
    {
        Matrix3x2.Invert(imageToChip, out var chipToImage);
        Vector2[] corners = [new(0, 0), new(size, 0), new(0, size), new(size, size)];
        var mapped = corners.Select(c => Vector2.Transform(c, chipToImage)).ToArray();
        const int margin = 2;
        var left = (int)Math.Floor(mapped.Min(p => p.X)) - margin;
        var top = (int)Math.Floor(mapped.Min(p => p.Y)) - margin;
        var right = (int)Math.Ceiling(mapped.Max(p => p.X)) + margin;
        var bottom = (int)Math.Ceiling(mapped.Max(p => p.Y)) + margin;
        return Rectangle.Intersect(Rectangle.FromLTRB(left, top, right, bottom), new Rectangle(Point.Empty, imageSize));
    }
}
