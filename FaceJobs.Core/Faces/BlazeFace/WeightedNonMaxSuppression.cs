namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// MediaPipe's weighted non-maximum suppression: each cluster of overlapping candidates becomes one face whose
/// box and keypoints are the score-weighted mean of the cluster, with the best score of the cluster.
/// Steadier boxes than plain NMS, see mediapipe/calculators/util/non_max_suppression_calculator.cc.
/// </summary>
internal static class WeightedNonMaxSuppression
{
    public static List<FaceCandidate> Apply(IEnumerable<FaceCandidate> candidates, float iouThreshold)
    {
        var sorted = candidates.OrderByDescending(c => c.Score).ToArray();
        var taken = new bool[sorted.Length];
        var kept = new List<FaceCandidate>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            var cluster = new List<FaceCandidate> { sorted[i] };
            taken[i] = true;
            for (var j = i + 1; j < sorted.Length; j++)
            {
                if (!taken[j] && sorted[i].IntersectionOverUnion(sorted[j]) > iouThreshold)
                {
                    cluster.Add(sorted[j]);
                    taken[j] = true;
                }
            }

            kept.Add(Merge(sorted[i], cluster));
        }

        return kept;
    }

    private static FaceCandidate Merge(FaceCandidate best, List<FaceCandidate> cluster)
    {
        if (cluster.Count == 1)
        {
            return best;
        }

        float total = 0, x = 0, y = 0, right = 0, bottom = 0;
        var keypoints = new float[best.Keypoints.Length];
        foreach (var c in cluster)
        {
            total += c.Score;
            x += c.X * c.Score;
            y += c.Y * c.Score;
            right += c.Right * c.Score;
            bottom += c.Bottom * c.Score;
            for (var k = 0; k < keypoints.Length; k++)
            {
                keypoints[k] += c.Keypoints[k] * c.Score;
            }
        }

        for (var k = 0; k < keypoints.Length; k++)
        {
            keypoints[k] /= total;
        }

        return new FaceCandidate(x / total, y / total, (right - x) / total, (bottom - y) / total, best.Score, keypoints);
    }
}
