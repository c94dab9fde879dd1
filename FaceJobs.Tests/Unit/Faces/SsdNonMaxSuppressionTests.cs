using FaceJobs.Core.Faces.Ssd;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SsdNonMaxSuppressionTests
{
    private static readonly NormalizedBox[] Boxes =
    [
        new(0, 0, 1, 1),
        new(0, 0.1f, 1, 1.1f),   // IoU with the first 0.9/1.1
        new(2, 2, 3, 3),         // apart
        new(0, 0.6f, 1, 1.6f),   // IoU with the first 0.4/1.6
    ];

    [Fact]
    public void Select_DropsTheLowerScoredOverlap_WhenIouIsAboveThreshold()
    {
        var kept = SsdNonMaxSuppression.Select(Boxes, [0.9f, 0.8f, 0.7f, 0.6f], maxResults: 10, iouThreshold: 0.5f, scoreThreshold: 0.5f);

        Assert.Equal([0, 2, 3], kept);
    }

    [Fact]
    public void Select_KeepsOnlyScoresAboveThreshold_InScoreOrder()
    {
        var kept = SsdNonMaxSuppression.Select(Boxes, [0.55f, 0.1f, 0.9f, 0.5f], maxResults: 10, iouThreshold: 0.5f, scoreThreshold: 0.5f);

        Assert.Equal([2, 0], kept);
    }

    [Fact]
    public void Select_StopsAtMaxResults_WhenMoreBoxesQualify()
    {
        var kept = SsdNonMaxSuppression.Select(Boxes, [0.9f, 0.8f, 0.7f, 0.6f], maxResults: 1, iouThreshold: 0.5f, scoreThreshold: 0.5f);

        Assert.Equal([0], kept);
    }

    [Fact]
    public void IntersectionOverUnion_IsZero_WhenABoxIsEmpty() =>
        Assert.Equal(0f, SsdNonMaxSuppression.IntersectionOverUnion(new(0, 0, 0, 1), new(0, 0, 1, 1)));
}
