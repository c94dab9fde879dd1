using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>
/// Gives the faces of a detector without keypoints (SSD) the six <see cref="FaceKeypoint"/>s, taken
/// from the 68 landmarks, so keypoint-based aligners work behind it. Eyes are the means of iBUG points
/// 36–41 (subject's right) and 42–47, the nose tip is point 30, the mouth centre the mean of the inner
/// lip centres 62 and 66. Ears are approximated by the jaw line's ends (0 and 16), which sit just in
/// front of the ears: close to BlazeFace's tragion points on frontal faces, not on profiles.
/// </summary>
public sealed class LandmarkKeypointDetector(IFaceDetector detector, FaceLandmark68Net landmarks) : IFaceDetector
{
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image) =>
        detector.Detect(image).Select(face => face with { Keypoints = Keypoints(landmarks.Locate(image, face.Box)) }).ToArray();

    internal static IReadOnlyList<PointF> Keypoints(IReadOnlyList<PointF> points) =>
    [
        Mean(points, 36, 37, 38, 39, 40, 41),
        Mean(points, 42, 43, 44, 45, 46, 47),
        points[30],
        Mean(points, 62, 66),
        points[0],
        points[16],
    ];

    private static PointF Mean(IReadOnlyList<PointF> points, params int[] indices) =>
        new(indices.Average(i => points[i].X), indices.Average(i => points[i].Y));
}
