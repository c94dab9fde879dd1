using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.Alignment;

/// <summary>Rotation, uniform scale and shift: x' = A·x − B·y + Tx, y' = B·x + A·y + Ty.</summary>
internal readonly record struct SimilarityTransform(double A, double B, double Tx, double Ty)
{
    public double Scale => Math.Sqrt((A * A) + (B * B));

    public PointF Apply(PointF p) => new((float)((A * p.X) - (B * p.Y) + Tx), (float)((B * p.X) + (A * p.Y) + Ty));

    public SimilarityTransform Invert()
    {
        var squared = (A * A) + (B * B);
        var (a, b) = (A / squared, -B / squared);
        return new SimilarityTransform(a, b, -((a * Tx) - (b * Ty)), -((b * Tx) + (a * Ty)));
    }


    /// <summary>
    /// Least-squares similarity taking <paramref name="from"/> onto <paramref name="to"/>: Umeyama (1991) without
    /// reflection, in its 2-D closed form, as dlib's find_similarity_transform computes it.
    /// </summary>
    public static SimilarityTransform Fit(IReadOnlyList<PointF> from, IReadOnlyList<PointF> to)
    {
        if (from.Count != to.Count || from.Count < 2)
            throw new ArgumentException($"Need two or more point pairs, got {from.Count} and {to.Count}.");

        var (fromX, fromY) = (from.Average(p => (double)p.X), from.Average(p => (double)p.Y));
        var (toX, toY) = (to.Average(p => (double)p.X), to.Average(p => (double)p.Y));
        double dot = 0, cross = 0, spread = 0;
        for (var i = 0; i < from.Count; i++)
        {
            var (fx, fy) = (from[i].X - fromX, from[i].Y - fromY);
            var (tx, ty) = (to[i].X - toX, to[i].Y - toY);
            dot += (fx * tx) + (fy * ty);
            cross += (fx * ty) - (fy * tx);
            spread += (fx * fx) + (fy * fy);
        }

        if (spread == 0)
            throw new ArgumentException("The source points all coincide.");

        var a = dot / spread;
        var b = cross / spread;
        return new SimilarityTransform(a, b, toX - ((a * fromX) - (b * fromY)), toY - ((b * fromX) + (a * fromY)));
    }
}
