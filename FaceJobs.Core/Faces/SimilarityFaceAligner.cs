using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Cuts dlib-style face chips: the similarity transform that best puts the eyes, nose tip and mouth centre on
/// dlib's mean face (padding 0.25), sampled as dlib samples its chips (<see cref="ChipSampler"/>, shared with the
/// landmark aligner).
/// </summary>
public sealed class SimilarityFaceAligner : IFaceAligner
{
    private static readonly FaceKeypoint[] UsedKeypoints =
        [FaceKeypoint.RightEye, FaceKeypoint.LeftEye, FaceKeypoint.NoseTip, FaceKeypoint.MouthCentre];

    public Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size)
    {
        var targets = DlibMeanFace.ChipPoints(size).Select(p => (PointF)p).ToArray();
        var keypoints = UsedKeypoints.Select(k => face.Keypoints[(int)k]).ToArray();
        return ChipSampler.Sample(image, SimilarityTransform.Fit(targets, keypoints), size);
    }
}
