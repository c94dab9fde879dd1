namespace FaceJobs.Core.Faces.Alignment;

/// <summary>
/// The small random re-crops of dlib's <c>jitter_image</c> (dlib/image_transforms/interpolation.h), behind
/// <c>compute_face_descriptor(..., num_jitters)</c>: a shift of up to 2% of the face, a zoom of 1–3% and a rotation
/// of up to 3°, about the chip centre. Mirroring, dlib's fourth perturbation, is left to
/// <see cref="MirrorAveragingEmbedder"/> so that every re-crop is seen both ways.
/// </summary>
internal static class ChipJitter
{
    public const double MaxRotationDegrees = 3;
    public const double MinObjectHeight = 0.97;
    public const double MaxObjectHeight = 0.99999;
    public const double TranslateAmount = 0.02;

    // dlib jitters inside the chip less 3 px on every side.
    private const int Border = 3;

    /// <summary>
    /// <paramref name="count"/> transforms from re-crop pixels to chip pixels for a <paramref name="size"/> px chip. The
    /// seed is fixed so that a face gets the same descriptor every time it is described.
    /// </summary>
    public static IReadOnlyList<SimilarityTransform> Transforms(int count, int size, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var objectSize = size - (2 * Border);
        var centre = (size - 1) / 2.0;
        var transforms = new SimilarityTransform[count];
        for (var i = 0; i < count; i++)
        {
            var shiftX = Between(random, -TranslateAmount, TranslateAmount) * objectSize;
            var shiftY = Between(random, -TranslateAmount, TranslateAmount) * objectSize;
            var boxSize = objectSize / Between(random, MinObjectHeight, MaxObjectHeight);
            var angle = Between(random, -MaxRotationDegrees, MaxRotationDegrees) * Math.PI / 180;

            // The re-crop's corner pixels land on the corners of a boxSize square rotated by angle around the shifted centre.
            var scale = (boxSize - 1) / (size - 1);
            var (a, b) = (scale * Math.Cos(angle), scale * Math.Sin(angle));
            var (cx, cy) = (centre + shiftX, centre + shiftY);
            transforms[i] = new SimilarityTransform(a, b, cx - ((a * centre) - (b * centre)), cy - ((b * centre) + (a * centre)));
        }

        return transforms;
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}
