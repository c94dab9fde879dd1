using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;

namespace FaceJobs.Eval;

/// <summary>Table rows of verification on labelled descriptor sets, with <see cref="Verification"/>'s one accuracy definition.</summary>
internal static class VerificationTable
{
    private static readonly float[] Thresholds = [0.5f, 0.55f, 0.58f, 0.6f];

    public static string Header =>
        $"| alignment | {string.Join(" | ", Thresholds.Select(t => $"@ {t:0.00}: acc. / FAR / FRR"))} | best acc. @ threshold | max dist. same | min dist. different | margin |\n" +
        $"|{string.Concat(Enumerable.Repeat(" --- |", Thresholds.Length + 5))}";

    public static List<ScoredPair> AllPairs(IReadOnlyList<(string Identity, float[] Descriptor)> faces) =>
        faces.SelectMany((a, i) => faces.Skip(i + 1).Select(b => new ScoredPair(a.Identity == b.Identity, DescriptorDistance.Euclidean(a.Descriptor, b.Descriptor)))).ToList();

    public static List<ScoredPair> CrossPairs(IReadOnlyList<(string Identity, float[] Descriptor)> queries, IReadOnlyList<(string Identity, float[] Descriptor)> gallery) =>
        queries.SelectMany(q => gallery.Select(g => new ScoredPair(q.Identity == g.Identity, DescriptorDistance.Euclidean(q.Descriptor, g.Descriptor)))).ToList();

    /// <summary>How many queries have a chip of their own identity as the nearest gallery chip.</summary>
    public static int NearestIsSame(IReadOnlyList<(string Identity, float[] Descriptor)> queries, IReadOnlyList<(string Identity, float[] Descriptor)> gallery) =>
        queries.Count(q => gallery.MinBy(g => DescriptorDistance.Euclidean(q.Descriptor, g.Descriptor)).Identity == q.Identity);

    public static string Row(string name, IReadOnlyList<ScoredPair> pairs)
    {
        string At(float t)
        {
            var (falseAccepts, different, falseRejects, same) = Verification.Errors(pairs, t);
            return $"{100 * Verification.Accuracy(pairs, t):F1}% / {100.0 * falseAccepts / different:F1}% / {100.0 * falseRejects / same:F1}%";
        }

        var best = Verification.BestThreshold(pairs);
        var maxSame = pairs.Where(p => p.Same).Max(p => p.Distance!.Value);
        var minDifferent = pairs.Where(p => !p.Same).Min(p => p.Distance!.Value);
        return $"| {name} | {string.Join(" | ", Thresholds.Select(At))} | {100 * Verification.Accuracy(pairs, best):F1}% @ {best:F3} | " +
            $"{maxSame:F3} | {minDifferent:F3} | {minDifferent - maxSame:+0.000;-0.000} |";
    }
}
