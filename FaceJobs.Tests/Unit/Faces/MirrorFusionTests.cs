using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class MirrorFusionTests
{
    private static DetectedFace Face(float x, float side, float score) =>
        new(new RectangleF(x, 50, side, side), score, Enumerable.Range(0, 6).Select(k => new PointF(x + k, 60 + k)).ToList());

    [Fact]
    public void Unmirror_MapsTheBoxBackAndSwapsRightAndLeft()
    {
        // In a 200 px wide mirror image a face at x 10–50 is at x 150–190 in the photo.
        var face = Assert.Single(MirrorFusion.Unmirror([Face(10, 40, 0.7f)], imageWidth: 200));

        Assert.Equal(RectangleF.FromLTRB(150, 50, 190, 90), face.Box);
        Assert.Equal(0.7f, face.Score);
        Assert.Equal(
            [new PointF(189, 61), new PointF(190, 60), new PointF(188, 62), new PointF(187, 63), new PointF(185, 65), new PointF(186, 64)],
            face.Keypoints);
    }

    [Fact]
    public void Combine_AveragesTheScores_WhenTheFaceIsFoundBothWays()
    {
        var face = Assert.Single(MirrorFusion.Combine([Face(100, 40, 0.8f)], [Face(102, 40, 0.4f)], pairIoU: 0.5f, unpairedWeight: 0.5f));

        Assert.Equal(0.6f, face.Score, 4);
        Assert.Equal(100f + (2 * 0.4f / 1.2f), face.Box.X, 3);
    }

    [Fact]
    public void Combine_KeepsTheWeightedScore_WhenTheFaceIsFoundOneWayOnly()
    {
        var combined = MirrorFusion.Combine([Face(0, 40, 0.8f)], [Face(100, 40, 0.6f)], pairIoU: 0.5f, unpairedWeight: 0.5f);

        Assert.Equal([0.4f, 0.3f], combined.Select(f => f.Score));
    }
}
