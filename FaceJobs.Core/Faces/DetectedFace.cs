using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces;

/// <summary>
/// A face found in an image, in that image's pixel coordinates (after EXIF orientation was applied).
/// </summary>
/// <param name="Box">The face's bounding box.</param>
/// <param name="Score">Detector confidence in [0, 1].</param>
/// <param name="Keypoints">
/// Landmarks in the order of <see cref="FaceKeypoint"/>: right eye, left eye, nose tip, mouth centre,
/// right ear, left ear ("right" is the subject's right, which appears on the left of the image).
/// </param>
public sealed record DetectedFace(RectangleF Box, float Score, IReadOnlyList<PointF> Keypoints);

/// <summary>Index of each landmark in <see cref="DetectedFace.Keypoints"/>.</summary>
public enum FaceKeypoint
{
    RightEye = 0,
    LeftEye = 1,
    NoseTip = 2,
    MouthCentre = 3,
    RightEar = 4,
    LeftEar = 5,
}
