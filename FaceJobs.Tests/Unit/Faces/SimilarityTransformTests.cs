using System.Numerics;
using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SimilarityTransformTests
{
    [Fact]
    public void Estimate_RecoversRotationScaleAndShift_WhenPointsAreAnExactSimilarity()
    {
        Vector2[] from = [new(10, 10), new(50, 12), new(30, 40), new(31, 60)];
        var truth = Matrix3x2.CreateRotation(0.6f) * Matrix3x2.CreateScale(1.7f) * Matrix3x2.CreateTranslation(-20, 35);
        var to = from.Select(p => Vector2.Transform(p, truth)).ToArray();

        var estimated = Estimate(from, to);

        Assert.True(Close(truth, estimated), $"{estimated} differs from {truth}");
    }

    [Fact]
    public void Estimate_DoesNotReflect_WhenTargetIsAMirrorImage()
    {
        Vector2[] from = [new(0, 0), new(10, 0), new(5, 8)];
        var mirrored = from.Select(p => new Vector2(-p.X, p.Y)).ToArray();

        var estimated = Estimate(from, mirrored);

        var determinant = (estimated.M11 * estimated.M22) - (estimated.M12 * estimated.M21);
        Assert.True(determinant >= 0, $"determinant {determinant}");
    }

    [Fact]
    public void Estimate_MinimisesSquaredError_WhenPointsAreNoisy()
    {
        Vector2[] from = [new(0, 0), new(10, 0), new(5, 8), new(5, 12)];
        Vector2[] to = [new(1, 0), new(11, 1), new(6, 8), new(5, 13)];

        var best = Estimate(from, to);
        var error = SquaredError(from, to, best);

        foreach (var nudge in new[] { Matrix3x2.CreateRotation(0.01f), Matrix3x2.CreateScale(1.01f), Matrix3x2.CreateTranslation(0.05f, 0) })
        {
            Assert.True(SquaredError(from, to, best * nudge) > error);
        }
    }

    [Fact]
    public void ChipPoints_MatchDlibMeanFaceWithPadding_WhenSize150()
    {
        var points = DlibMeanFace.ChipPoints(150);

        Assert.Equal(47.55f, points[0].X, 2);
        Assert.Equal(46.60f, points[0].Y, 2);
        Assert.Equal(100.48f, points[1].X, 2);
        Assert.Equal(74.01f, points[2].X, 2);
        Assert.Equal(76.56f, points[2].Y, 2);
        Assert.Equal(105.42f, points[3].Y, 2);
    }

    /// <summary>The fitted transform as a row-vector matrix, so the checks can use System.Numerics.</summary>
    private static Matrix3x2 Estimate(Vector2[] from, Vector2[] to)
    {
        var t = SimilarityTransform.Fit(from.Select(p => (PointF)p).ToArray(), to.Select(p => (PointF)p).ToArray());
        return new Matrix3x2((float)t.A, (float)t.B, (float)-t.B, (float)t.A, (float)t.Tx, (float)t.Ty);
    }

    private static float SquaredError(Vector2[] from, Vector2[] to, Matrix3x2 m) =>
        from.Zip(to, (a, b) => Vector2.DistanceSquared(Vector2.Transform(a, m), b)).Sum();

    private static bool Close(Matrix3x2 a, Matrix3x2 b) =>
        MathF.Abs(a.M11 - b.M11) < 1e-4 && MathF.Abs(a.M12 - b.M12) < 1e-4 && MathF.Abs(a.M21 - b.M21) < 1e-4 &&
        MathF.Abs(a.M22 - b.M22) < 1e-4 && MathF.Abs(a.M31 - b.M31) < 1e-3 && MathF.Abs(a.M32 - b.M32) < 1e-3;
}
