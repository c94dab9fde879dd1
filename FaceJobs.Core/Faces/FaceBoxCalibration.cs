using System.ComponentModel.DataAnnotations;
using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Maps a detector's raw box to the conventional face box (eyebrows to chin, as face detection sets such as WIDER FACE
/// draw it): the centre moved by a share of the raw box's size, then the sides scaled. BlazeFace's boxes are about square
/// and sit higher on the face than that, so at IoU ≥ 0.5 a correct detection was often counted as a miss
/// (docs/accuracy.md, "Box calibration"). Keypoints are not moved; alignment that crops by the box undoes this map
/// (<see cref="Invert"/>) so recognition chips stay as they were measured.
/// </summary>
public sealed class FaceBoxCalibration
{
    /// <summary>Moves the centre right by this share of the raw box's width.</summary>
    [Range(-0.5, 0.5)]
    public float CentreShiftX { get; set; }

    /// <summary>Moves the centre down by this share of the raw box's height.</summary>
    [Range(-0.5, 0.5)]
    public float CentreShiftY { get; set; }

    [Range(0.5, 2.0)]
    public float WidthScale { get; set; } = 1f;

    [Range(0.5, 2.0)]
    public float HeightScale { get; set; } = 1f;

    /// <summary>The raw box as the detector gives it.</summary>
    public static FaceBoxCalibration None => new();

    public RectangleF Apply(RectangleF raw)
    {
        var centreX = raw.X + (raw.Width * (0.5f + CentreShiftX));
        var centreY = raw.Y + (raw.Height * (0.5f + CentreShiftY));
        var width = raw.Width * WidthScale;
        var height = raw.Height * HeightScale;
        return new RectangleF(centreX - (width / 2), centreY - (height / 2), width, height);
    }

    /// <summary>The raw box that <see cref="Apply"/> maps to <paramref name="calibrated"/>.</summary>
    public RectangleF Invert(RectangleF calibrated)
    {
        var width = calibrated.Width / WidthScale;
        var height = calibrated.Height / HeightScale;
        var centreX = calibrated.X + (calibrated.Width / 2) - (width * CentreShiftX);
        var centreY = calibrated.Y + (calibrated.Height / 2) - (height * CentreShiftY);
        return new RectangleF(centreX - (width / 2), centreY - (height / 2), width, height);
    }
}
