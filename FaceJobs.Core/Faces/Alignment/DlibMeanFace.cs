using System.Numerics;

namespace FaceJobs.Core.Faces.Alignment;

/// <summary>
/// Where dlib's face chips put the landmarks BlazeFace gives us. dlib's <c>get_face_chip_details(det, size,
/// padding)</c> maps its 68-point mean face (<c>mean_face_shape_x/y</c> in dlib/image_transforms/interpolation.h,
/// points 17–67 in [0,1]) to <c>(padding + m) / (2·padding + 1) · size</c>. From those points:
/// right eye = mean of points 36–41 (0.225492, 0.215990), left eye = mean of 42–47 (0.754761, 0.215990),
/// nose tip = point 30 (0.490127, 0.515625), mouth centre = mean of the 20 mouth points 48–67
/// (0.490127, 0.804225). For size 150 and padding 0.25 that is (47.55, 46.60), (100.48, 46.60),
/// (74.01, 76.56) and (74.01, 105.42) chip pixels — the framing dlib_face_recognition_resnet_model_v1 was trained on.
/// </summary>
internal static class DlibMeanFace
{
    public const float DescriptorPadding = 0.25f;

    private static readonly Vector2[] Normalised =
    [
        new(0.2254918f, 0.2159903f), // right eye
        new(0.7547613f, 0.2159903f), // left eye
        new(0.490127f, 0.515625f), // nose tip
        new(0.4901267f, 0.8042246f), // mouth centre
    ];

    /// <summary>Chip pixel positions of right eye, left eye, nose tip, mouth centre (the first four <see cref="FaceKeypoint"/>s).</summary>
    public static Vector2[] ChipPoints(int size, float padding = DescriptorPadding) =>
        Normalised.Select(p => (p + new Vector2(padding)) / ((2 * padding) + 1) * size).ToArray();
}
