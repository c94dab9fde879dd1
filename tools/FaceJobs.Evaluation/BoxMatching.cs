using SixLabors.ImageSharp;

namespace FaceJobs.Evaluation;

/// <summary>Matches detections to annotated boxes one-to-one, best overlap first, for recall and precision.</summary>
public static class BoxMatching
{
    public static float IntersectionOverUnion(RectangleF a, RectangleF b)
    {
        var intersection = RectangleF.Intersect(a, b);
        if (intersection.Width <= 0 || intersection.Height <= 0)
        {
            return 0;
        }

        var overlap = intersection.Width * intersection.Height;
        return overlap / ((a.Width * a.Height) + (b.Width * b.Height) - overlap);
    }

    /// <summary>How many annotated boxes get their own detection with IoU at least <paramref name="minIoU"/>.</summary>
    public static int CountMatches(IReadOnlyList<RectangleF> annotated, IReadOnlyList<RectangleF> detected, float minIoU) =>
        MatchedAnnotations(annotated, detected, minIoU).Count;

    /// <summary>Indexes of the annotated boxes that got a detection.</summary>
    public static HashSet<int> MatchedAnnotations(IReadOnlyList<RectangleF> annotated, IReadOnlyList<RectangleF> detected, float minIoU) =>
        Match(annotated, detected, minIoU).Select(m => m.Annotation).ToHashSet();

    /// <summary>The one-to-one matches, highest IoU first: annotated box index, detection index, their IoU.</summary>
    public static List<(int Annotation, int Detection, float IoU)> Match(IReadOnlyList<RectangleF> annotated, IReadOnlyList<RectangleF> detected, float minIoU)
    {
        var pairs = annotated
            .SelectMany((a, i) => detected.Select((d, j) => (i, j, IoU: IntersectionOverUnion(a, d))))
            .Where(p => p.IoU >= minIoU)
            .OrderByDescending(p => p.IoU);
        var usedAnnotations = new HashSet<int>();
        var usedDetections = new HashSet<int>();
        var matches = new List<(int, int, float)>();
        foreach (var (i, j, iou) in pairs)
        {
            if (!usedAnnotations.Contains(i) && !usedDetections.Contains(j))
            {
                usedAnnotations.Add(i);
                usedDetections.Add(j);
                matches.Add((i, j, iou));
            }
        }

        return matches;
    }
}
