using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// What both BlazeFace models share: the letterboxed input tensor in [-1, 1], detection on the whole image plus the
/// magnifying tile pyramid (<see cref="FaceTilingOptions"/>), merged by MediaPipe's weighted suppression.
/// </summary>
internal static class TiledDetection
{
    public const float SuppressionIoU = 0.3f;

    private const float PadValue = -1f;

    /// <summary>
    /// Runs <paramref name="detectRegion"/> (a region in image pixels and a minimum score; candidates in image pixels,
    /// already suppressed within the region) on the whole image and, when <paramref name="tiling"/> is given, on its tiles;
    /// the merged boxes then go through the model's <paramref name="calibration"/>.
    /// </summary>
    public static IReadOnlyList<DetectedFace> Run(
        Image<Rgb24> image,
        Func<Rectangle, float, List<FaceCandidate>> detectRegion,
        float scoreThreshold,
        float tileScoreThreshold,
        FaceTilingOptions? tiling,
        int inputSize,
        FaceBoxCalibration calibration)
    {
        var candidates = detectRegion(new Rectangle(0, 0, image.Width, image.Height), scoreThreshold);
        if (tiling is not null)
        {
            // A face cut by a tile edge gives a small box that would not merge with the whole face.
            var margin = 2f / inputSize;
            foreach (var tile in Tiles(image.Size(), tiling, inputSize))
            {
                candidates.AddRange(detectRegion(tile.Area, Math.Max(scoreThreshold, tileScoreThreshold))
                    .Where(c => tile.Reports(c, image.Size(), margin * tile.Area.Width)));
            }
        }

        return WeightedNonMaxSuppression.Apply(candidates, SuppressionIoU).Select(c => ToDetectedFace(c, calibration)).ToList();
    }

    /// <summary>
    /// The whole image zoomed out by <paramref name="zoomOut"/> (black around it) in one model run: the retry for a photo
    /// in which the pyramid found no face, because BlazeFace misses a face that fills its input (a close-up, a
    /// portrait cut at the forehead). <paramref name="detectRegion"/> takes the region, the zoom and a minimum score.
    /// </summary>
    public static IReadOnlyList<DetectedFace> RunZoomedOut(
        Image<Rgb24> image,
        Func<Rectangle, float, float, List<FaceCandidate>> detectRegion,
        float zoomOut,
        float scoreThreshold,
        FaceBoxCalibration calibration) =>
        detectRegion(new Rectangle(0, 0, image.Width, image.Height), zoomOut, scoreThreshold)
            .Select(c => ToDetectedFace(c, calibration)).ToList();

    public static IReadOnlyList<DetectionTile> Tiles(Size image, FaceTilingOptions tiling, int inputSize) =>
        DetectionTiles.Plan(image.Width, image.Height, tiling.SmallestTileFor(image.Width, image.Height), tiling.Overlap, inputSize);

    /// <summary>The region scaled into the square input (aspect kept, centred), NHWC RGB in [-1, 1], black around it.</summary>
    public static PooledTensor InputTensor(Image<Rgb24> image, Letterbox letterbox, int inputSize)
    {
        var pixels = new PooledTensor(inputSize * inputSize * 3);
        pixels.Span.Fill(PadValue);
        using var scaled = image.Clone(x => x
            .Crop(letterbox.Region)
            .Resize(letterbox.ScaledWidth, letterbox.ScaledHeight, KnownResamplers.Triangle));
        scaled.CopyRgbTo(pixels.Buffer, 0, inputSize, letterbox.PadLeft, letterbox.PadTop, 1 / 127.5f, -1f);
        return pixels;
    }

    private static DetectedFace ToDetectedFace(FaceCandidate c, FaceBoxCalibration calibration)
    {
        var keypoints = new PointF[FaceCandidate.KeypointCount];
        for (var k = 0; k < keypoints.Length; k++)
        {
            keypoints[k] = new PointF(c.Keypoints[2 * k], c.Keypoints[(2 * k) + 1]);
        }

        return new DetectedFace(calibration.Apply(new RectangleF(c.X, c.Y, c.Width, c.Height)), c.Score, keypoints);
    }
}
