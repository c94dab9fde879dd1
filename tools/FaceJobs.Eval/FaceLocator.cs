using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Eval;

/// <summary>How the face of an evaluation image was found.</summary>
internal enum LocatedBy
{
    Detector,
    WholeImage,
}

/// <summary>
/// Finds the one face of an evaluation image. The app's detector already retries frame-filling face chips on a padded
/// canvas (TightCropFaceDetector); if it still finds nothing, the whole image is taken as the face box with keypoints
/// where BlazeFace usually puts them inside its box.
/// </summary>
internal sealed class FaceLocator(IFaceDetector detector)
{
    // Mean keypoint positions inside BlazeFace boxes, as fractions of the box, over the 22 faces of the six sample
    // photos (printed by BlazeFaceDetectorTests.Detect_PutsFaceKeypointsInsideTheirBox_WhenGivenSamplePhotos).
    private static readonly PointF[] TypicalKeypoints =
    [
        new(0.29f, 0.29f), new(0.66f, 0.30f), new(0.44f, 0.54f), new(0.45f, 0.73f), new(0.12f, 0.35f), new(0.95f, 0.37f),
    ];

    public (DetectedFace Face, LocatedBy By) Locate(Image<Rgb24> image)
    {
        if (Largest(detector.Detect(image)) is { } face)
        {
            return (face, LocatedBy.Detector);
        }

        return (WholeImage(image.Width, image.Height), LocatedBy.WholeImage);
    }

    public static DetectedFace WholeImage(int width, int height) => new(
        new RectangleF(0, 0, width, height),
        0,
        TypicalKeypoints.Select(p => new PointF(p.X * width, p.Y * height)).ToArray());

    private static DetectedFace? Largest(IReadOnlyList<DetectedFace> faces) =>
        faces.OrderByDescending(f => f.Box.Width * f.Box.Height).FirstOrDefault();
}
