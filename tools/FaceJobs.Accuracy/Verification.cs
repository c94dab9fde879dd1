using FaceJobs.Core.Faces;

namespace FaceJobs.Accuracy;

/// <summary>Same/different-identity verification over all pairs of a labelled descriptor set.</summary>
internal static class Verification
{
    private static readonly float[] Thresholds = [0.5f, 0.55f, 0.58f, 0.6f];

    public static string Header =>
        $"| alignment | {string.Join(" | ", Thresholds.Select(t => $"@ {t:0.00}: bal. acc. / FAR / FRR"))} | best bal. acc. @ threshold | max dist. same | min dist. different | margin |\n" +
        $"|{string.Concat(Enumerable.Repeat(" --- |", Thresholds.Length + 5))}";

    public static List<(bool Same, float Distance)> AllPairs(IReadOnlyList<(string Identity, float[] Descriptor)> faces) =>
        faces.SelectMany((a, i) => faces.Skip(i + 1).Select(b => (a.Identity == b.Identity, FaceDistance.Euclidean(a.Descriptor, b.Descriptor)))).ToList();

    public static List<(bool Same, float Distance)> CrossPairs(IReadOnlyList<(string Identity, float[] Descriptor)> queries, IReadOnlyList<(string Identity, float[] Descriptor)> gallery) =>
        queries.SelectMany(q => gallery.Select(g => (q.Identity == g.Identity, FaceDistance.Euclidean(q.Descriptor, g.Descriptor)))).ToList();

    /// <summary>How many queries have a chip of their own identity as the nearest gallery chip.</summary>
    public static int NearestIsSame(IReadOnlyList<(string Identity, float[] Descriptor)> queries, IReadOnlyList<(string Identity, float[] Descriptor)> gallery) =>
        queries.Count(q => gallery.MinBy(g => FaceDistance.Euclidean(q.Descriptor, g.Descriptor)).Identity == q.Identity);

    public static string Row(string name, IReadOnlyList<(bool Same, float Distance)> pairs)
    {
        var same = pairs.Where(p => p.Same).Select(p => p.Distance).ToArray();
        var different = pairs.Where(p => !p.Same).Select(p => p.Distance).ToArray();

        // A pair is accepted as the same person when its distance is at most the threshold (as WatchlistMatcher does).
        double Far(float t) => (double)different.Count(d => d <= t) / different.Length;
        double Frr(float t) => (double)same.Count(d => d > t) / same.Length;
        double Balanced(float t) => 1 - ((Far(t) + Frr(t)) / 2);
        string At(float t) => $"{100 * Balanced(t):F1}% / {100 * Far(t):F1}% / {100 * Frr(t):F1}%";

        // Candidate thresholds midway between neighbouring distances; of the best, the middle one.
        var sorted = pairs.Select(p => p.Distance).Order().ToArray();
        var candidates = sorted.Zip(sorted.Skip(1), (a, b) => (a + b) / 2).ToArray();
        var bestAccuracy = candidates.Max(Balanced);
        var tied = candidates.Where(t => Balanced(t) == bestAccuracy).ToArray();
        var best = tied[tied.Length / 2];
        var (maxSame, minDifferent) = (same.Max(), different.Min());
        return $"| {name} | {string.Join(" | ", Thresholds.Select(At))} | {100 * bestAccuracy:F1}% @ {best:F3} | {maxSame:F3} | {minDifferent:F3} | {minDifferent - maxSame:+0.000;-0.000} |";
    }
}
