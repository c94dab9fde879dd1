using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Evaluation;

public sealed class PairFaceChoiceTests
{
    // A 250×250 LFW-like photo: a small face in the middle and a larger one of a bystander at the edge.
    private static readonly DetectedFace Centred = Face(100, 95, 50, 60);
    private static readonly DetectedFace Bystander = Face(170, 20, 80, 90);

    [Fact]
    public void Choose_TakesTheFaceNearestThePhotoCentre_WhenCentral()
    {
        Assert.Same(Centred, PairFaceChoice.Choose([Bystander, Centred], 250, 250, PairFace.Central));
    }

    [Fact]
    public void Choose_TakesTheLargestBox_WhenLargest()
    {
        Assert.Same(Bystander, PairFaceChoice.Choose([Centred, Bystander], 250, 250, PairFace.Largest));
    }

    [Fact]
    public void Choose_MeasuresFromTheBoxCentre_NotItsCorner()
    {
        // Top-left corners: the wide box's (20, 100) is farther from the centre (125, 125) than the other's (130, 10),
        // but its centre (125, 125) is the photo's centre.
        var wide = Face(20, 100, 210, 50);
        var high = Face(130, 10, 20, 60);

        Assert.Same(wide, PairFaceChoice.Choose([high, wide], 250, 250, PairFace.Central));
    }

    [Fact]
    public void Choose_ReturnsNull_WhenNoFaceWasFound()
    {
        Assert.Null(PairFaceChoice.Choose([], 250, 250, PairFace.Central));
        Assert.Null(PairFaceChoice.Choose([], 250, 250, PairFace.Largest));
    }

    private static DetectedFace Face(float x, float y, float width, float height) =>
        new(new RectangleF(x, y, width, height), 0.9f, []);
}
