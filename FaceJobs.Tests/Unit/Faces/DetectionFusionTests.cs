using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class DetectionFusionTests
{
    private static DetectedFace Face(float x, float y, float side, float score) =>
        new(new RectangleF(x, y, side, side), score, [new PointF(x + (side / 3), y + (side / 3)), new PointF(x + (2 * side / 3), y + (side / 3))]);

    [Fact]
    public void Fuse_AveragesBoxesAndKeypointsByScoreAndRaisesTheScore_WhenBothModelsFindTheFace()
    {
        var fused = DetectionFusion.Fuse([Face(100, 100, 40, 0.6f)], [Face(104, 100, 40, 0.2f)], pairIoU: 0.5f, pairScore: 0f, firstAloneScore: 0.9f, secondAloneScore: 0.9f);

        var face = Assert.Single(fused);
        Assert.Equal(101f, face.Box.X, 3);
        Assert.Equal(40f, face.Box.Width, 3);
        Assert.Equal(1 - (0.4f * 0.8f), face.Score, 4);
        Assert.Equal(101f + (40f / 3), face.Keypoints[0].X, 3);
    }

    [Fact]
    public void Fuse_KeepsASingleModelsFace_OnlyFromItsAloneScore()
    {
        DetectedFace[] first = [Face(0, 0, 20, 0.65f), Face(100, 0, 20, 0.55f)];
        DetectedFace[] second = [Face(0, 100, 20, 0.85f), Face(100, 100, 20, 0.75f)];

        var fused = DetectionFusion.Fuse(first, second, pairIoU: 0.5f, pairScore: 0f, firstAloneScore: 0.6f, secondAloneScore: 0.8f);

        Assert.Equal([0.85f, 0.65f], fused.Select(f => f.Score));
    }

    [Fact]
    public void Fuse_PairsTheBestOverlap_WhenTwoFacesOverlapOne()
    {
        // Both first-model faces overlap the one second-model face; the closer one pairs, the other (alone, and
        // overlapping the fused face) is suppressed.
        DetectedFace[] first = [Face(0, 0, 40, 0.5f), Face(2, 0, 40, 0.5f)];
        DetectedFace[] second = [Face(3, 0, 40, 0.5f)];

        var fused = DetectionFusion.Fuse(first, second, pairIoU: 0.5f, pairScore: 0f, firstAloneScore: 0.5f, secondAloneScore: 0.99f);

        var face = Assert.Single(fused);
        Assert.Equal(0.75f, face.Score, 4);
        Assert.Equal(2.5f, face.Box.X, 3);
    }

    [Fact]
    public void Fuse_DoesNotPair_WhenOverlapIsBelowPairIoU()
    {
        // IoU of two 40 px squares 20 px apart: 800 / 2400 = 0.33.
        var fused = DetectionFusion.Fuse([Face(0, 0, 40, 0.5f)], [Face(20, 0, 40, 0.5f)], pairIoU: 0.5f, pairScore: 0f, firstAloneScore: 0.6f, secondAloneScore: 0.6f);

        Assert.Empty(fused);
    }

    [Fact]
    public void Fuse_DropsTheWeakerOfTwoUnpairedBoxesOfOneFace_WhenTheyOverlapMoreThanSuppression()
    {
        // IoU 0.4: too little to pair at 0.5, too much for two faces.
        var fused = DetectionFusion.Fuse([Face(0, 0, 40, 0.9f)], [Face(0, 17.2f, 40, 0.95f)], pairIoU: 0.5f, pairScore: 0f, firstAloneScore: 0.6f, secondAloneScore: 0.8f);

        Assert.Equal(0.95f, Assert.Single(fused).Score);
    }

    [Fact]
    public void Fuse_KeepsAPairOfWeakFaces_OnlyFromThePairScore()
    {
        // 1 − 0.55 × 0.5 = 0.725 and 1 − 0.55 × 0.45 = 0.7525, around a pair score of 0.75; neither face reaches its alone score.
        DetectedFace[] first = [Face(0, 0, 40, 0.45f), Face(100, 0, 40, 0.45f)];
        DetectedFace[] second = [Face(0, 0, 40, 0.5f), Face(100, 0, 40, 0.55f)];

        var fused = DetectionFusion.Fuse(first, second, pairIoU: 0.5f, pairScore: 0.75f, firstAloneScore: 0.6f, secondAloneScore: 0.8f);

        Assert.Equal(100f, Assert.Single(fused).Box.X, 3);
    }

    [Fact]
    public void Fuse_KeepsAPairBelowThePairScore_WhenOneOfItsFacesWouldBeKeptAlone()
    {
        var fused = DetectionFusion.Fuse([Face(0, 0, 40, 0.6f)], [Face(0, 0, 40, 0.3f)], pairIoU: 0.5f, pairScore: 0.75f, firstAloneScore: 0.6f, secondAloneScore: 0.8f);

        Assert.Equal(1 - (0.4f * 0.7f), Assert.Single(fused).Score, 4);
    }
}
