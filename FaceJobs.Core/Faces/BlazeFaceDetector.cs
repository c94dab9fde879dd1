using FaceJobs.Core.Faces.BlazeFace;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// MediaPipe BlazeFace (back camera, 256×256) over ONNX Runtime: letterboxed NHWC input in [-1, 1],
/// two output heads decoded against 896 anchors, weighted NMS, optional tiling for small faces.
/// </summary>
public sealed class BlazeFaceDetector : IFaceDetector, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int _inputSize;
    private readonly float _scoreThreshold;
    private readonly FaceTilingOptions _tiling;
    private readonly FaceBoxCalibration _calibration;
    private readonly float _zoomOut;
    private readonly Dictionary<int, (float X, float Y)[]> _anchorsByCount;

    public BlazeFaceDetector(IOptions<FaceOptions> options, ModelPathResolver resolver)
        : this(resolver.Resolve(options.Value.DetectorModelPath), options.Value)
    {
    }

    public BlazeFaceDetector(string modelPath, FaceOptions options)
        : this(modelPath, options, OnnxSessionSettings.From(options))
    {
    }

    internal BlazeFaceDetector(string modelPath, FaceOptions options, OnnxSessionSettings session)
    {
        _session = OnnxSessions.Create(modelPath, session);
        (_inputName, _inputSize) = OnnxSessions.SquareNhwcInput(_session, modelPath);
        _scoreThreshold = options.ScoreThreshold;
        _tiling = options.Tiling;
        _calibration = options.BoxCalibration;
        _zoomOut = options.ZoomOutWhenNoFace;
        _anchorsByCount = BlazeFaceAnchors.Heads.ToDictionary(
            h => BlazeFaceAnchors.CountFor(h.Cells, h.PerCell),
            h => BlazeFaceAnchors.Generate(h.Cells, h.PerCell));
    }

    /// <summary>Detects on the whole image and its tiles, and zoomed out when they find no face.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image)
    {
        var faces = Detect(image, _tiling.Enabled ? _tiling : null);
        return faces.Count > 0 ? faces : DetectZoomedOut(image, _scoreThreshold);
    }

    /// <summary>Detects with tiling switched on or off for this call, whatever the options say.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, bool tiling) => Detect(image, tiling ? _tiling : null);

    /// <summary>Detects on the whole image and, when <paramref name="tiling"/> is given, on its tiles.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, FaceTilingOptions? tiling) =>
        Detect(image, tiling, _scoreThreshold, tiling?.ScoreThreshold ?? 1f);

    /// <summary>Detects with the default tiling and these minimum scores on the whole photo and in tiles (the ensemble's own).</summary>
    internal IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, float scoreThreshold, float tileScoreThreshold) =>
        Detect(image, _tiling.Enabled ? _tiling : null, scoreThreshold, tileScoreThreshold);

    private IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, FaceTilingOptions? tiling, float scoreThreshold, float tileScoreThreshold) =>
        TiledDetection.Run(image, (region, score) => DetectRegion(image, region, score), scoreThreshold, tileScoreThreshold, tiling, BlazeFaceAnchors.InputSize, _calibration);

    /// <summary>The whole image zoomed out by <c>Faces:ZoomOutWhenNoFace</c> in one model run; none when that is 1.</summary>
    internal IReadOnlyList<DetectedFace> DetectZoomedOut(Image<Rgb24> image, float scoreThreshold) =>
        _zoomOut <= 1f
            ? []
            : TiledDetection.RunZoomedOut(image, (region, zoom, score) => DetectRegion(image, region, score, zoomOut: zoom), _zoomOut, scoreThreshold, _calibration);

    /// <summary>How many model runs one <see cref="Detect(Image{Rgb24}, FaceTilingOptions?)"/> costs for an image of this size.</summary>
    public static int InferencesFor(Size imageSize, FaceTilingOptions? tiling) =>
        1 + (tiling is null ? 0 : TiledDetection.Tiles(imageSize, tiling, BlazeFaceAnchors.InputSize).Count);

    public void Dispose() => _session.Dispose();

    /// <summary>Candidates of one region in image pixels, suppressed within it unless the evaluation tool asks for raw anchors.</summary>
    internal List<FaceCandidate> DetectRegion(Image<Rgb24> image, Rectangle region, float scoreThreshold, bool suppress = true, float zoomOut = 1f)
    {
        var letterbox = Letterbox.Fit(region, _inputSize, zoomOut);
        using var pixels = TiledDetection.InputTensor(image, letterbox, _inputSize);
        using var input = pixels.ToOrtValue([1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], _session.OutputNames);

        var candidates = new List<FaceCandidate>();
        foreach (var (scores, regressors, anchorCount) in PairHeads(outputs))
        {
            BlazeFaceDecoder.Decode(
                scores.GetTensorDataAsSpan<float>(), regressors.GetTensorDataAsSpan<float>(), _anchorsByCount[anchorCount], scoreThreshold, _inputSize, candidates);
        }

        // Suppress inside each region first so tiles and the whole image merge as faces, not as raw anchors.
        return (suppress ? WeightedNonMaxSuppression.Apply(candidates, TiledDetection.SuppressionIoU) : candidates).Select(letterbox.ToImage).ToList();
    }

    /// <summary>
    /// Matches each score head [1,A,1] with its regressor head [1,A,16] by shape, whatever the output order. The heads
    /// are read where ONNX Runtime wrote them: a copy would be 60 KB of garbage per tile, tens of tiles a photo.
    /// </summary>
    private List<(OrtValue Scores, OrtValue Regressors, int AnchorCount)> PairHeads(IReadOnlyList<OrtValue> outputs)
    {
        var scoresByAnchors = new Dictionary<long, OrtValue>();
        var regressorsByAnchors = new Dictionary<long, OrtValue>();
        foreach (var output in outputs)
        {
            var shape = output.GetTensorTypeAndShape().Shape;
            (shape[^1] == 1 ? scoresByAnchors : regressorsByAnchors)[shape[^2]] = output;
        }

        var heads = scoresByAnchors
            .Where(s => regressorsByAnchors.ContainsKey(s.Key) && _anchorsByCount.ContainsKey((int)s.Key))
            .Select(s => (s.Value, regressorsByAnchors[s.Key], (int)s.Key))
            .ToList();
        if (heads.Count != _anchorsByCount.Count)
        {
            throw new InvalidOperationException(
                $"BlazeFace outputs do not have the expected shapes ([1,512|384,1] and [1,512|384,16]); found {heads.Count} usable heads.");
        }

        return heads;
    }
}
