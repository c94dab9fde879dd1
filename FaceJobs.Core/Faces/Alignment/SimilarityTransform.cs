using System.Numerics;

namespace FaceJobs.Core.Faces.Alignment;

/// <summary>
/// Least-squares similarity transform (rotation, uniform scale, translation; no reflection) taking one point
/// set onto another: the 2-D case of Umeyama (1991), which has this closed form.
/// </summary>
internal static class SimilarityTransform
{
    /// <summary>Returns M with <c>Vector2.Transform(from[i], M) ≈ to[i]</c>.</summary>
    public static Matrix3x2 Estimate(ReadOnlySpan<Vector2> from, ReadOnlySpan<Vector2> to)
    {
        if (from.Length != to.Length || from.Length < 2)
        {
            throw new ArgumentException("Need at least two point pairs, as many in each set.");
        }

        var fromMean = Mean(from);
        var toMean = Mean(to);
        double dot = 0, cross = 0, spread = 0;
        for (var i = 0; i < from.Length; i++)
        {
            var a = from[i] - fromMean;
            var b = to[i] - toMean;
            dot += (a.X * b.X) + (a.Y * b.Y);
            cross += (a.X * b.Y) - (a.Y * b.X);
            spread += a.LengthSquared();
        }

        if (spread <= 0)
        {
            throw new ArgumentException("The source points all coincide.");
        }

        var scaledCos = (float)(dot / spread);
        var scaledSin = (float)(cross / spread);
        var translation = toMean - new Vector2(
            (scaledCos * fromMean.X) - (scaledSin * fromMean.Y),
            (scaledSin * fromMean.X) + (scaledCos * fromMean.Y));
        return new Matrix3x2(scaledCos, scaledSin, -scaledSin, scaledCos, translation.X, translation.Y);
    }

    private static Vector2 Mean(ReadOnlySpan<Vector2> points)
    {
        var sum = Vector2.Zero;
        foreach (var p in points)
        {
            sum += p;
        }

        return sum / points.Length;
    }
}
