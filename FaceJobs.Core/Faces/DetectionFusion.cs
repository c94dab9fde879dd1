using FaceJobs.Core.Faces.BlazeFace;
using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Merges the faces two detectors found in one photo. Faces that overlap by at least the pairing IoU are paired one to
/// one, best overlap first, and become one face: box and keypoints the score-weighted mean of both (weighted box
/// fusion), score 1 − (1 − a)(1 − b), so agreement counts as a vote, kept when that score reaches the pair score (two
/// weak hits at the models' low thresholds are not a face yet) or either face would be kept alone. A face only one
/// detector found is kept when its score reaches that detector's "alone" threshold: weak single hits were most of the
/// false positives on crowd-dev (docs/accuracy.md). Last, as within each model, a face that overlaps a better one by
/// more than <see cref="TiledDetection.SuppressionIoU"/> is dropped: two models' boxes of one large face can differ too
/// much to pair, and one face must not be reported (and matched, and alerted on) twice.
/// </summary>
internal static class DetectionFusion
{
    public static List<DetectedFace> Fuse(
        IReadOnlyList<DetectedFace> first,
        IReadOnlyList<DetectedFace> second,
        float pairIoU,
        float pairScore,
        float firstAloneScore,
        float secondAloneScore)
    {
        var (pairs, firstPaired, secondPaired) = PairByOverlap(first, second, pairIoU);
        var fused = new List<DetectedFace>();
        foreach (var (i, j) in pairs)
        {
            var merged = Merge(first[i], second[j]);
            if (merged.Score >= pairScore || first[i].Score >= firstAloneScore || second[j].Score >= secondAloneScore)
                fused.Add(merged);
        }

        fused.AddRange(first.Where((face, i) => !firstPaired[i] && face.Score >= firstAloneScore));
        fused.AddRange(second.Where((face, j) => !secondPaired[j] && face.Score >= secondAloneScore));
        var kept = new List<DetectedFace>();
        foreach (var face in fused.OrderByDescending(face => face.Score))
        {
            if (kept.TrueForAll(better => IntersectionOverUnion(better.Box, face.Box) <= TiledDetection.SuppressionIoU))
                kept.Add(face);
        }

        return kept;
    }

    /// <summary>
    /// Pairs faces of two lists one to one, best overlap first, from an IoU of <paramref name="pairIoU"/>; says which
    /// faces of each list were paired.
    /// </summary>
    internal static (List<(int First, int Second)> Pairs, bool[] FirstPaired, bool[] SecondPaired) PairByOverlap(
        IReadOnlyList<DetectedFace> first, IReadOnlyList<DetectedFace> second, float pairIoU)
    {
        var candidates = first
            .SelectMany((a, i) => second.Select((b, j) => (i, j, IoU: IntersectionOverUnion(a.Box, b.Box))))
            .Where(p => p.IoU >= pairIoU)
            .OrderByDescending(p => p.IoU);
        var firstPaired = new bool[first.Count];
        var secondPaired = new bool[second.Count];
        var pairs = new List<(int, int)>();
        foreach (var (i, j, _) in candidates)
        {
            if (firstPaired[i] || secondPaired[j])
                continue;

            firstPaired[i] = secondPaired[j] = true;
            pairs.Add((i, j));
        }

        return (pairs, firstPaired, secondPaired);
    }

    internal static float IntersectionOverUnion(RectangleF a, RectangleF b)
    {
        var overlap = RectangleF.Intersect(a, b);
        if (overlap.Width <= 0 || overlap.Height <= 0)
            return 0;

        var intersection = overlap.Width * overlap.Height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }

    /// <summary>Box and keypoints the score-weighted mean of both, score 1 − (1 − a)(1 − b).</summary>
    internal static DetectedFace Merge(DetectedFace a, DetectedFace b)
    {
        var total = a.Score + b.Score;
        float Mean(float x, float y) => ((x * a.Score) + (y * b.Score)) / total;
        var box = RectangleF.FromLTRB(Mean(a.Box.Left, b.Box.Left), Mean(a.Box.Top, b.Box.Top), Mean(a.Box.Right, b.Box.Right), Mean(a.Box.Bottom, b.Box.Bottom));
        var keypoints = a.Keypoints.Count == b.Keypoints.Count
            ? a.Keypoints.Zip(b.Keypoints, (p, q) => new PointF(Mean(p.X, q.X), Mean(p.Y, q.Y))).ToList()
            : (a.Score >= b.Score ? a : b).Keypoints;
        return new DetectedFace(box, 1 - ((1 - a.Score) * (1 - b.Score)), keypoints);
    }
}
