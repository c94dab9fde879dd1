namespace FaceJobs.Evaluation;

/// <summary>
/// The one definition of verification accuracy: the share of pairs decided correctly at a distance threshold (a pair
/// without a face in one photo counts as wrong). False accepts are different-people pairs decided wrongly, false
/// rejects same-person pairs decided wrongly.
/// </summary>
public static class Verification
{
    public static double Accuracy(IReadOnlyList<ScoredPair> pairs, float threshold) =>
        pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.IsCorrectAt(threshold)) / pairs.Count;

    public static (int FalseAccepts, int Different, int FalseRejects, int Same) Errors(IReadOnlyList<ScoredPair> pairs, float threshold) =>
        (pairs.Count(p => !p.Same && !p.IsCorrectAt(threshold)), pairs.Count(p => !p.Same),
         pairs.Count(p => p.Same && !p.IsCorrectAt(threshold)), pairs.Count(p => p.Same));

    /// <summary>
    /// The threshold with the highest accuracy on <paramref name="pairs"/>: candidates lie midway between neighbouring
    /// distances (and just outside both ends); of equally good ones the middle one, so a plateau is not left at its edge.
    /// </summary>
    public static float BestThreshold(IReadOnlyList<ScoredPair> pairs)
    {
        var distances = pairs.Where(p => p.Distance is not null).Select(p => p.Distance!.Value).Distinct().Order().ToArray();
        if (distances.Length == 0)
            throw new ArgumentException("No pair has a distance to choose a threshold from.", nameof(pairs));

        float[] candidates = [distances[0] - 1e-3f, .. distances.Zip(distances.Skip(1), (a, b) => (a + b) / 2), distances[^1] + 1e-3f];

        // Sweeping the sorted candidates keeps this linear after sorting: each step moves the pairs at one distance
        // from rejected to accepted.
        var sorted = pairs.Where(p => p.Distance is not null).OrderBy(p => p.Distance!.Value).ToArray();
        var correct = pairs.Count(p => p.Distance is not null && !p.Same); // threshold below every distance: all rejected
        var scores = new int[candidates.Length];
        var next = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            for (; next < sorted.Length && sorted[next].Distance <= candidates[c]; next++)
                correct += sorted[next].Same ? 1 : -1;
            scores[c] = correct;
        }

        var best = scores.Max();
        var tied = Enumerable.Range(0, candidates.Length).Where(c => scores[c] == best).ToArray();
        return candidates[tied[tied.Length / 2]];
    }
}
