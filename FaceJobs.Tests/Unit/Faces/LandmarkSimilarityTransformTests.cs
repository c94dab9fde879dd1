using FaceJobs.Core.Faces.Alignment;
using FaceJobs.Core.Faces.Landmarks;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class LandmarkSimilarityTransformTests
{
    [Fact]
    public void Fit_RecoversRotationScaleAndShift_WhenPointsMatchExactly()
    {
        var truth = new SimilarityTransform(A: 1.5 * Math.Cos(0.3), B: 1.5 * Math.Sin(0.3), Tx: 12, Ty: -4);
        PointF[] from = [new(0, 0), new(10, 0), new(3, 7), new(-5, 2)];

        var fitted = SimilarityTransform.Fit(from, from.Select(truth.Apply).ToArray());

        Assert.Equal(truth.A, fitted.A, 1e-5);
        Assert.Equal(truth.B, fitted.B, 1e-5);
        Assert.Equal(truth.Tx, fitted.Tx, 1e-4);
        Assert.Equal(truth.Ty, fitted.Ty, 1e-4);
    }

    [Fact]
    public void Invert_UndoesTheTransform_ForAnyPoint()
    {
        var transform = new SimilarityTransform(0.8, -0.6, 5, 7);

        var back = transform.Invert().Apply(transform.Apply(new PointF(3, -2)));

        Assert.Equal(3f, back.X, 1e-4f);
        Assert.Equal(-2f, back.Y, 1e-4f);
    }

    [Fact]
    public void Fit_Throws_WhenSourcePointsCoincide() =>
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Fit([new(1, 1), new(1, 1)], [new(0, 0), new(1, 1)]));
}
