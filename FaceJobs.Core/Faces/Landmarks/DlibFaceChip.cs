using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>
/// Where dlib puts 68-point landmarks in a face chip: dlib's get_face_chip_details
/// (dlib/image_transforms/interpolation.h) fits landmarks 27–54 and 60–64 (nose, eyes, outer and
/// upper inner lips; not the jaw, eyebrows or lower lip) to its mean face shape, scaled into the
/// chip with <c>padding</c> on every side. dlib's ResNet face descriptor was trained on such chips
/// (150 px, padding 0.25).
/// </summary>
internal static class DlibFaceChip
{
    // dlib's mean_face_shape_x/y: average positions of the 68-point landmarks 17..67 in a unit square.
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

    /// <summary>The 68-point indices dlib fits: 27..54 and 60..64.</summary>
    public static IReadOnlyList<int> FittedLandmarks { get; } =
        Enumerable.Range(17, 51).Where(i => i is >= 27 and not (>= 55 and <= 59) and not (>= 65 and <= 67)).ToArray();

    /// <summary>Chip pixel position of dlib's mean-face landmark <paramref name="index"/> (17..67).</summary>
    public static PointF MeanFacePoint(int index, int size, double padding) => new(
        (float)((padding + MeanFaceX[index - 17]) / ((2 * padding) + 1) * size),
        (float)((padding + MeanFaceY[index - 17]) / ((2 * padding) + 1) * size));

    /// <summary>Chip pixel positions of <see cref="FittedLandmarks"/> for a <paramref name="size"/> px chip.</summary>
    public static IReadOnlyList<PointF> Targets(int size, double padding) =>
        FittedLandmarks.Select(i => MeanFacePoint(i, size, padding)).ToArray();

    /// <summary>The transform from chip pixels to image pixels for a face with these 68 landmarks.</summary>
    public static SimilarityTransform ChipToImage(IReadOnlyList<PointF> landmarks68, int size, double padding)
    {
        if (landmarks68.Count != FaceLandmark68Net.PointCount)
        {
            throw new ArgumentException($"Expected 68 landmarks, got {landmarks68.Count}.", nameof(landmarks68));
        }

        return SimilarityTransform.Fit(Targets(size, padding), FittedLandmarks.Select(i => landmarks68[i]).ToArray());
    }
}
