using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>
/// Aligns a face the way dlib does for its ResNet descriptor: 68 landmarks from face-api's landmark
/// net inside the detected box, a least-squares similarity fit to dlib's mean face, and a bilinear
/// chip. Needs only the box, so it works behind detectors without keypoints (SSD). The landmark net looks inside the
/// detector's raw box, as when its verification accuracy was measured, so a calibrated box is first mapped back
/// (<paramref name="detectorCalibration"/>, <see cref="FaceOptions.DetectorBoxCalibration"/>). With
/// <paramref name="fivePoints"/>, only the eye corners and the nose base are fitted, as dlib fits its 5-point shape
/// predictor's output.
/// </summary>
public sealed class LandmarkFaceAligner(
    FaceLandmark68Net landmarks, LandmarkOptions options, FaceBoxCalibration? detectorCalibration = null, bool fivePoints = false)
    : IFaceAligner
{
    public Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size)
    {
        var box = detectorCalibration is null ? face.Box : detectorCalibration.Invert(face.Box);
        var points = landmarks.Locate(image, box);
        var chipToImage = fivePoints
            ? DlibFaceChip.ChipToImageFromFivePoints(points, size, options.ChipPadding)
            : DlibFaceChip.ChipToImage(points, size, options.ChipPadding);
        return ChipSampler.Sample(image, chipToImage, size);
    }
}
