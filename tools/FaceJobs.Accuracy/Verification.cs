namespace FaceJobs.Accuracy;

/// <summary>Same/different-identity verification over all pairs of a labelled descriptor set.</summary>
internal static class Verification
{
    /// <summary>dlib's documented decision threshold for its ResNet descriptor.</summary>
    public const double DlibThreshold = 0.6;

    public static string Row(string name, IReadOnlyList<(string Identity, float[] Descriptor)> faces)
    {
        var pairs = new List<(bool Same, double Distance)>();
        for (var i = 0; i < faces.Count; i++)
        {
            for (var j = i + 1; j < faces.Count; j++)
            {
                pairs.Add((faces[i].Identity == faces[j].Identity, Distance(faces[i].Descriptor, faces[j].Descriptor)));
            }
        }

        var (sameCount, differentCount) = (pairs.Count(p => p.Same), pairs.Count(p => !p.Same));
        double Balanced(double threshold) =>
            ((double)pairs.Count(p => p.Same && p.Distance < threshold) / sameCount + (double)pairs.Count(p => !p.Same && p.Distance >= threshold) / differentCount) / 2;
        var best = pairs.Select(p => p.Distance + 1e-9).Append(0).Select(t => (Threshold: t, Accuracy: Balanced(t))).MaxBy(x => x.Accuracy);
        var tar = (double)pairs.Count(p => p.Same && p.Distance < DlibThreshold) / sameCount;
        var tnr = (double)pairs.Count(p => !p.Same && p.Distance >= DlibThreshold) / differentCount;
        return $"| {name} | {100 * Balanced(DlibThreshold):F1}% | {100 * tar:F1}% | {100 * tnr:F1}% | {100 * best.Accuracy:F1}% @ {best.Threshold:F3} | {pairs.Where(p => p.Same).Average(p => p.Distance):F3} | {pairs.Where(p => !p.Same).Average(p => p.Distance):F3} |";
    }

    public const string Header =
        "| alignment | balanced acc. @ 0.6 | same accepted @ 0.6 | different rejected @ 0.6 | best balanced acc. @ threshold | mean dist. same | mean dist. different |\n| --- | --- | --- | --- | --- | --- | --- |";

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
}
