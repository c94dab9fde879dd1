namespace FaceJobs.Core.Faces.Ssd;

/// <summary>face-api's greedy NMS for SSD (ssdMobilenetv1/nonMaxSuppression.ts).</summary>
internal static class SsdNonMaxSuppression
{
    /// <summary>Indices of the kept boxes, highest score first.</summary>
    public static IReadOnlyList<int> Select(IReadOnlyList<NormalizedBox> boxes, ReadOnlySpan<float> scores, int maxResults, float iouThreshold, float scoreThreshold)
    {
        var candidates = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > scoreThreshold)
            {
                candidates.Add(i);
            }
        }

        var scoreArray = scores.ToArray();
        var ordered = candidates.OrderByDescending(i => scoreArray[i]);
        var limit = Math.Min(maxResults, boxes.Count);
        var selected = new List<int>();
        foreach (var candidate in ordered)
        {
            if (selected.Count >= limit)
            {
                break;
            }

            if (selected.TrueForAll(kept => IntersectionOverUnion(boxes[candidate], boxes[kept]) <= iouThreshold))
            {
                selected.Add(candidate);
            }
        }

        return selected;
    }

    /// <summary>IoU of two boxes whose corners may come in either order; 0 when either is empty.</summary>
    public static float IntersectionOverUnion(NormalizedBox a, NormalizedBox b)
    {
        a = Ordered(a);
        b = Ordered(b);
        if (a.Area <= 0 || b.Area <= 0)
        {
            return 0;
        }

        var height = Math.Max(Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top), 0);
        var width = Math.Max(Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left), 0);
        var intersection = height * width;
        return intersection / (a.Area + b.Area - intersection);
    }

    private static NormalizedBox Ordered(NormalizedBox box) =>
        new(Math.Min(box.Top, box.Bottom), Math.Min(box.Left, box.Right), Math.Max(box.Top, box.Bottom), Math.Max(box.Left, box.Right));
}
