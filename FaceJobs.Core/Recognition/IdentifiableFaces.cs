using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Recognition;

/// <summary>
/// Tells faces big enough to recognise from those too small to identify: the distance between the eyes (detector
/// keypoints, photo pixels) below <see cref="RecognitionOptions.MinInterEyeDistance"/>. Small faces are still stored
/// and shown, but never described, matched or alerted on, because at that size the descriptor no longer tells people
/// apart reliably (docs/accuracy.md: verification accuracy by inter-eye distance).
/// </summary>
public sealed class IdentifiableFaces(IOptions<RecognitionOptions> options)
{
    private readonly float _minInterEyeDistance = options.Value.MinInterEyeDistance;

    public bool IsTooSmall(Face face) => InterEyeDistance(DescriptorBlob.FromBytes(face.Keypoints)) < _minInterEyeDistance;

    /// <summary>Pixels between the right and the left eye keypoint; 0 when the face has no eye keypoints.</summary>
    internal static float InterEyeDistance(float[] keypointCoordinates)
    {
        var (right, left) = (2 * (int)FaceKeypoint.RightEye, 2 * (int)FaceKeypoint.LeftEye);
        if (keypointCoordinates.Length < 2 + Math.Max(right, left))
            return 0;

        var dx = keypointCoordinates[right] - keypointCoordinates[left];
        var dy = keypointCoordinates[right + 1] - keypointCoordinates[left + 1];
        return MathF.Sqrt((dx * dx) + (dy * dy));
    }
}
