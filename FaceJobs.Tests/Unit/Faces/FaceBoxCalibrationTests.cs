using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class FaceBoxCalibrationTests
{
    [Fact]
    public void Apply_MovesTheCentreByShareOfTheRawSizeAndScalesTheSides()
    {
        var calibration = new FaceBoxCalibration { CentreShiftX = 0.1f, CentreShiftY = 0.05f, WidthScale = 0.9f, HeightScale = 1.2f };

        var box = calibration.Apply(new RectangleF(100, 200, 40, 40));

        // Centre (120, 220) moves to (124, 222); the sides become 36 and 48.
        Assert.Equal(124f, box.X + (box.Width / 2), 3);
        Assert.Equal(222f, box.Y + (box.Height / 2), 3);
        Assert.Equal(36f, box.Width, 3);
        Assert.Equal(48f, box.Height, 3);
    }

    [Fact]
    public void Invert_GivesBackTheRawBox_WhenAppliedBox()
    {
        var calibration = new FaceBoxCalibration { CentreShiftX = -0.03f, CentreShiftY = 0.105f, WidthScale = 1.1f, HeightScale = 1.07f };
        var raw = new RectangleF(13.5f, 7.25f, 31f, 29f);

        var back = calibration.Invert(calibration.Apply(raw));

        Assert.Equal(raw.X, back.X, 3);
        Assert.Equal(raw.Y, back.Y, 3);
        Assert.Equal(raw.Width, back.Width, 3);
        Assert.Equal(raw.Height, back.Height, 3);
    }

    [Fact]
    public void Apply_LeavesTheBox_WhenNone()
    {
        var raw = new RectangleF(1, 2, 3, 4);

        Assert.Equal(raw, FaceBoxCalibration.None.Apply(raw));
    }

    [Fact]
    public void DefaultCalibrations_LengthenTheBoxesDownwards()
    {
        var options = new FaceOptions();
        var raw = new RectangleF(0, 0, 100, 100);

        foreach (var calibration in new[] { options.BoxCalibration, options.FullRange.BoxCalibration })
        {
            var box = calibration.Apply(raw);
            Assert.True(box.Bottom > raw.Bottom + 5, $"{box} does not reach further down than {raw}");
            Assert.Equal(raw.Width, box.Width, 3);
        }
    }
}
