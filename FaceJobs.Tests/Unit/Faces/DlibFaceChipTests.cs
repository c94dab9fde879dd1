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
}
