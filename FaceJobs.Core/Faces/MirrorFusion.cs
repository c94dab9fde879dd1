using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Test-time mirroring for one detector: the faces it found in the photo and in its mirror image (mapped back) become
/// one list. A face found both ways becomes one face, box and keypoints the score-weighted mean of both and score
/// their mean; a face found one way only keeps <c>unpairedWeight</c> × its score, so a face the model sees only from
/// one side counts for less (weighted box fusion's averaging over augmentations, Solovyev et al. 2021).
/// </summary>
internal static class MirrorFusion
{
    /// <summary>Maps faces found in the horizontally flipped image back into the photo.</summary>
    public static List<DetectedFace> Unmirror(IReadOnlyList<DetectedFace> faces, int imageWidth) =>
        faces.Select(face => new DetectedFace(
            new RectangleF(imageWidth - face.Box.Right, face.Box.Top, face.Box.Width, face.Box.Height),
            face.Score,
            SwapSides(face.Keypoints.Select(p => new PointF(imageWidth - p.X, p.Y)).ToList()))).ToList();

    public static List<DetectedFace> Combine(IReadOnlyList<DetectedFace> original, IReadOnlyList<DetectedFace> unmirrored, float pairIoU, float unpairedWeight)
    {
        var (pairs, originalPaired, mirroredPaired) = DetectionFusion.PairByOverlap(original, unmirrored, pairIoU);
        var combined = pairs
            .Select(p => DetectionFusion.Merge(original[p.First], unmirrored[p.Second]) with
            {
                Score = (original[p.First].Score + unmirrored[p.Second].Score) / 2,
            })
            .ToList();

        combined.AddRange(original.Where((_, i) => !originalPaired[i]).Select(face => face with { Score = face.Score * unpairedWeight }));
        combined.AddRange(unmirrored.Where((_, j) => !mirroredPaired[j]).Select(face => face with { Score = face.Score * unpairedWeight }));
        return combined;
    }

    // In a mirror image the person's right eye and ear look like a left eye and ear.
    private static List<PointF> SwapSides(List<PointF> keypoints)
    {
        if (keypoints.Count == Enum.GetValues<FaceKeypoint>().Length)
        {
            Swap(keypoints, FaceKeypoint.RightEye, FaceKeypoint.LeftEye);
            Swap(keypoints, FaceKeypoint.RightEar, FaceKeypoint.LeftEar);
        }

        return keypoints;
    }

    private static void Swap(List<PointF> keypoints, FaceKeypoint a, FaceKeypoint b) =>
        (keypoints[(int)a], keypoints[(int)b]) = (keypoints[(int)b], keypoints[(int)a]);
}
