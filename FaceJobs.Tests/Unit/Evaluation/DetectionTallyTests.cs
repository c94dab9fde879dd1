using FaceJobs.Evaluation;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Evaluation;

public sealed class DetectionTallyTests
{
    [Theory]
    [InlineData(10, 15.9f, 0)]
    [InlineData(16, 8, 1)]
    [InlineData(20, 31.9f, 1)]
    [InlineData(32, 5, 2)]
    [InlineData(63, 63, 2)]
    [InlineData(30, 64, 3)]
    [InlineData(200, 100, 3)]
    public void Of_BucketsByTheLargerSide_WhenBoxesAreNotSquare(float width, float height, int bucket) =>
        Assert.Equal(bucket, FaceSizeBucket.Of(new RectangleF(0, 0, width, height)));

    [Fact]
    public void Label_NamesEachBucketsRange()
    {
        Assert.Equal(["<16 px", "16–31 px", "32–63 px", "≥64 px"], Enumerable.Range(0, 4).Select(FaceSizeBucket.Label));
    }

    [Fact]
    public void Add_CountsRecallBySizeAndPrecision_WhenSomeFacesAreMissedAndOneDetectionIsFalse()
    {
        RectangleF[] truth = [new(0, 0, 10, 10), new(100, 0, 20, 20), new(200, 0, 40, 40), new(300, 0, 80, 80)];
        RectangleF[] detections = [new(101, 1, 20, 20), new(300, 0, 80, 80), new(500, 500, 30, 30)];
        var tally = new DetectionTally();

        var matched = tally.Add(truth, detections);

        Assert.Equal([1, 3], matched.Order());
        Assert.Equal([(0, 1), (1, 1), (0, 1), (1, 1)], tally.BySize);
        Assert.Equal((1, 2), tally.AtLeast(32));
        Assert.Equal(0.5, tally.Recall);
        Assert.Equal(2.0 / 3, tally.Precision, 6);
    }

    [Fact]
    public void Add_MatchesEachDetectionToOneFaceOnly_WhenTwoFacesOverlapOneDetection()
    {
        RectangleF[] truth = [new(0, 0, 40, 40), new(4, 0, 40, 40)];
        var tally = new DetectionTally();

        tally.Add(truth, [new RectangleF(2, 0, 40, 40)]);

        Assert.Equal(1, tally.Matched);
        Assert.Equal(1.0, tally.Precision);
    }

    [Fact]
    public void AtLeast_RejectsASideThatIsNotABucketBound() =>
        Assert.Throws<ArgumentException>(() => new DetectionTally().AtLeast(40));
}
