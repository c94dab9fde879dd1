using FaceJobs.Core.Faces.Landmarks;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class DlibFaceChipTests
{
    [Fact]
    public void FittedLandmarks_AreDlibs33Points_WithoutJawEyebrowsOrLowerLip()
    {
        Assert.Equal(33, DlibFaceChip.FittedLandmarks.Count);
        Assert.DoesNotContain(DlibFaceChip.FittedLandmarks, i => i < 27 || i is >= 55 and <= 59 || i >= 65);
    }

    [Fact]
    public void Targets_PutTheNoseTipInTheMiddleOfTheChip_WithPadding()
    {
        var targets = DlibFaceChip.Targets(150, 0.25);

        // landmark 30 (nose tip) is mean face (0.490127, 0.515625): (0.25 + v) / 1.5 * 150
        var noseTip = targets[DlibFaceChip.FittedLandmarks.ToList().IndexOf(30)];
        Assert.Equal(74.0127f, noseTip.X, 1e-3f);
        Assert.Equal(76.5625f, noseTip.Y, 1e-3f);
    }

    [Fact]
    public void ChipToImage_IsIdentity_WhenLandmarksAlreadySitOnTheTargets()
    {
        var landmarks = new PointF[68];
        var targets = DlibFaceChip.Targets(150, 0.25);
        for (var i = 0; i < targets.Count; i++)
        {
            landmarks[DlibFaceChip.FittedLandmarks[i]] = targets[i];
        }

        var transform = DlibFaceChip.ChipToImage(landmarks, 150, 0.25);

        Assert.Equal(1, transform.A, 1e-5);
        Assert.Equal(0, transform.B, 1e-5);
        Assert.Equal(0, transform.Tx, 1e-3);
    }

    [Fact]
    public void FivePointTargets_LieNearTheMeanFacePointsOfTheSameLandmarks()
    {
        // dlib's 5-point positions are its own, a little off the mean face's eye corners (45, 42, 36, 39) and nose base (33).
        var five = DlibFaceChip.FivePointTargets(150, 0.25);
        var mean = DlibFaceChip.Targets(150, 0.25);
        var fitted = DlibFaceChip.FittedLandmarks.ToList();

        for (var i = 0; i < 5; i++)
        {
            var expected = mean[fitted.IndexOf(DlibFaceChip.FivePointLandmarks[i])];
            Assert.InRange(five[i].X - expected.X, -0.5f, 0.5f);
            Assert.InRange(five[i].Y - expected.Y, -0.5f, 0.5f);
        }

        Assert.True(five[0].X > five[1].X && five[1].X > five[3].X && five[3].X > five[2].X, "left eye on the image's right");
    }

    [Fact]
    public void ChipToImageFromFivePoints_IsIdentity_WhenEyeCornersAndNoseSitOnTheTargets()
    {
        var landmarks = Enumerable.Repeat(new PointF(-500, -500), 68).ToArray(); // the other 63 points must not matter
        var targets = DlibFaceChip.FivePointTargets(150, 0.25);
        for (var i = 0; i < 5; i++)
        {
            landmarks[DlibFaceChip.FivePointLandmarks[i]] = targets[i];
        }

        var transform = DlibFaceChip.ChipToImageFromFivePoints(landmarks, 150, 0.25);

        Assert.Equal(1, transform.A, 1e-5);
        Assert.Equal(0, transform.B, 1e-5);
        Assert.Equal(0, transform.Tx, 1e-3);
        Assert.Equal(0, transform.Ty, 1e-3);
    }

    [Fact]
    public void ChipToImageFromFivePoints_FollowsTheFace_WhenItIsTwiceAsLargeAndShifted()
    {
        var landmarks = new PointF[68];
        var targets = DlibFaceChip.FivePointTargets(150, 0.25);
        for (var i = 0; i < 5; i++)
        {
            landmarks[DlibFaceChip.FivePointLandmarks[i]] = new PointF((targets[i].X * 2) + 30, (targets[i].Y * 2) + 40);
        }

        var transform = DlibFaceChip.ChipToImageFromFivePoints(landmarks, 150, 0.25);

        Assert.Equal(2, transform.Scale, 1e-5);
        Assert.Equal(30, transform.Tx, 1e-3);
        Assert.Equal(40, transform.Ty, 1e-3);
    }
}
