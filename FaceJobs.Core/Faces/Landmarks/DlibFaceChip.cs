using FaceJobs.Core.Faces.Alignment;
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
    /// <summary>The 68-point indices dlib fits: 27..54 and 60..64.</summary>
    public static IReadOnlyList<int> FittedLandmarks { get; } =
        Enumerable.Range(17, 51).Where(i => i is >= 27 and not (>= 55 and <= 59) and not (>= 65 and <= 67)).ToArray();

    /// <summary>Chip pixel positions of <see cref="FittedLandmarks"/> for a <paramref name="size"/> px chip.</summary>
    public static IReadOnlyList<PointF> Targets(int size, double padding) =>
        FittedLandmarks.Select(i => DlibMeanFace.MeanFacePoint(i, size, padding)).ToArray();

    /// <summary>The transform from chip pixels to image pixels for a face with these 68 landmarks.</summary>
    public static SimilarityTransform ChipToImage(IReadOnlyList<PointF> landmarks68, int size, double padding)
    {
        if (landmarks68.Count != FaceLandmark68Net.PointCount)
        {
            throw new ArgumentException($"Expected 68 landmarks, got {landmarks68.Count}.", nameof(landmarks68));
        }

        return SimilarityTransform.Fit(Targets(size, padding), FittedLandmarks.Select(i => landmarks68[i]).ToArray());
    }

    /// <summary>
    /// The 68-point indices of the five points of dlib's 5-point shape predictor, in its order: the outer and inner
    /// corner of the left eye, the outer and inner corner of the right eye (the subject's left and right), the base of
    /// the nose.
    /// </summary>
    public static IReadOnlyList<int> FivePointLandmarks { get; } = [45, 42, 36, 39, 33];

    // get_face_chip_details' own unit-square positions for a 5-point shape (close to, not equal to, the mean face's).
    private static readonly (double X, double Y)[] FivePointMeanFace =
    [
        (0.8595674595992, 0.2134981538014), (0.6460604764104, 0.2289674387677), (0.1205750620789, 0.2137274526848),
        (0.3340850613712, 0.2290642403242), (0.4901123135679, 0.6277975316475),
    ];

    /// <summary>Chip pixel positions of <see cref="FivePointLandmarks"/> for a <paramref name="size"/> px chip.</summary>
    public static IReadOnlyList<PointF> FivePointTargets(int size, double padding) =>
        FivePointMeanFace.Select(p => new PointF(
            (float)((padding + p.X) / ((2 * padding) + 1) * size),
            (float)((padding + p.Y) / ((2 * padding) + 1) * size))).ToArray();

    /// <summary>
    /// The transform from chip pixels to image pixels fitted on the eye corners and nose base only, as dlib aligns the
    /// output of its 5-point shape predictor (the recipe of dlib's face recognition examples).
    /// </summary>
    public static SimilarityTransform ChipToImageFromFivePoints(IReadOnlyList<PointF> landmarks68, int size, double padding)
    {
        if (landmarks68.Count != FaceLandmark68Net.PointCount)
        {
            throw new ArgumentException($"Expected 68 landmarks, got {landmarks68.Count}.", nameof(landmarks68));
        }

        return SimilarityTransform.Fit(FivePointTargets(size, padding), FivePointLandmarks.Select(i => landmarks68[i]).ToArray());
    }
}
