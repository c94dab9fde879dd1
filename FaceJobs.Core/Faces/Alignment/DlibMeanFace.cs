using System.Numerics;
using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.Alignment;

/// <summary>
/// dlib's mean face (<c>mean_face_shape_x/y</c> in dlib/image_transforms/interpolation.h: average positions of the
/// 68-point landmarks 17–67 in a unit square) and where <c>get_face_chip_details(det, size, padding)</c> puts them:
/// <c>(padding + m) / (2·padding + 1) · size</c>. dlib_face_recognition_resnet_model_v1 was trained on such chips
/// (150 px, padding 0.25).
/// </summary>
internal static class DlibMeanFace
{
    public const float DescriptorPadding = 0.25f;

    private static readonly double[] MeanFaceX =
    [
        0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124,
        0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036,
        0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918,
        0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149,
        0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721,
        0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874,
        0.553364, 0.490127, 0.42689,
    ];

    private static readonly double[] MeanFaceY =
    [
        0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
        0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326,
        0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733,
        0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099,
        0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805,
        0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
        0.784792, 0.824182, 0.831803, 0.824182,
    ];

    // The landmarks behind BlazeFace's four keypoints: the eyes (36–41, 42–47), the nose tip (30), the mouth (48–67).
    private static readonly int[][] KeypointLandmarks =
    [
        [36, 37, 38, 39, 40, 41],
        [42, 43, 44, 45, 46, 47],
        [30],
        [.. Enumerable.Range(48, 20)],
    ];

    /// <summary>Chip pixel position of the mean-face landmark <paramref name="index"/> (17..67).</summary>
    public static PointF MeanFacePoint(int index, int size, double padding) => new(
        (float)((padding + MeanFaceX[index - 17]) / ((2 * padding) + 1) * size),
        (float)((padding + MeanFaceY[index - 17]) / ((2 * padding) + 1) * size));

    /// <summary>
    /// Chip pixel positions of right eye, left eye, nose tip and mouth centre (the first four
    /// <see cref="FaceKeypoint"/>s): the means of their landmarks. For 150 px and padding 0.25: (47.55, 46.60),
    /// (100.48, 46.60), (74.01, 76.56), (74.01, 105.42).
    /// </summary>
    public static Vector2[] ChipPoints(int size, float padding = DescriptorPadding) =>
        KeypointLandmarks.Select(group => group
            .Select(i => (Vector2)MeanFacePoint(i, size, padding))
            .Aggregate(Vector2.Zero, (sum, p) => sum + p) / group.Length).ToArray();
}
