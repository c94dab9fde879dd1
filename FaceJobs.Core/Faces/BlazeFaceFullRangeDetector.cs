using FaceJobs.Core.Faces.BlazeFace;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// MediaPipe BlazeFace full-range (faces up to ~5 m; 192×192) over ONNX Runtime: letterboxed NHWC input in [-1, 1],
/// one output [1,2304,17] decoded against a 48×48 anchor grid, weighted NMS, the same magnifying tile pyramid as
/// <see cref="BlazeFaceDetector"/> (<c>Faces:Tiling</c>) with its own thresholds (<c>Faces:FullRange</c>).
/// </summary>
public sealed class BlazeFaceFullRangeDetector : IFaceDetector, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int _inputSize;
    private readonly FullRangeDetectorOptions _options;
    private readonly FaceTilingOptions _tiling;
    private readonly float _zoomOut;
    private readonly (float X, float Y)[] _anchors;

    public BlazeFaceFullRangeDetector(IOptions<FaceOptions> options, ModelPathResolver resolver)
        : this(resolver.Resolve(options.Value.FullRange.ModelPath), options.Value)
    {
    }

    public BlazeFaceFullRangeDetector(string modelPath, FaceOptions options)
        : this(modelPath, options, OnnxSessionSettings.From(options))
    {
    }

    internal BlazeFaceFullRangeDetector(string modelPath, FaceOptions options, OnnxSessionSettings session)
    {
        _session = OnnxSessions.Create(modelPath, session);
        (_inputName, _inputSize) = OnnxSessions.SquareNhwcInput(_session, modelPath);
        _anchors = BlazeFaceAnchors.FullRange(_inputSize);
        var output = _session.OutputMetadata.Single().Value.Dimensions;
        if (output.Length != 3 || output[1] != _anchors.Length || output[2] != 1 + BlazeFaceDecoder.RegressorLength)
        {
            throw new InvalidOperationException(
                $"{modelPath}: expected one output [N,{_anchors.Length},{1 + BlazeFaceDecoder.RegressorLength}], found [{string.Join(',', output)}].");
        }

        _options = options.FullRange;
        _tiling = options.Tiling;
        _zoomOut = options.ZoomOutWhenNoFace;
    }

    /// <summary>Detects on the whole image and its tiles, and zoomed out when they find no face.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image)
    {
        var faces = Detect(image, _tiling.Enabled ? _tiling : null);
        return faces.Count > 0 ? faces : DetectZoomedOut(image, _options.ScoreThreshold);
    }

    /// <summary>Detects on the whole image and, when <paramref name="tiling"/> is given, on its tiles.</summary>
    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, FaceTilingOptions? tiling) =>
        Detect(image, tiling, _options.ScoreThreshold, _options.TileScoreThreshold);

    /// <summary>Detects with the default tiling and these minimum scores on the whole photo and in tiles (the ensemble's own).</summary>
    internal IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, float scoreThreshold, float tileScoreThreshold) =>
        Detect(image, _tiling.Enabled ? _tiling : null, scoreThreshold, tileScoreThreshold);

    private IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image, FaceTilingOptions? tiling, float scoreThreshold, float tileScoreThreshold) =>
        TiledDetection.Run(image, (region, score) => DetectRegion(image, region, score), scoreThreshold, tileScoreThreshold, tiling, _inputSize, _options.BoxCalibration);

    /// <summary>The whole image zoomed out by <c>Faces:ZoomOutWhenNoFace</c> in one model run; none when that is 1.</summary>
    internal IReadOnlyList<DetectedFace> DetectZoomedOut(Image<Rgb24> image, float scoreThreshold) =>
        _zoomOut <= 1f
            ? []
            : TiledDetection.RunZoomedOut(image, (region, zoom, score) => DetectRegion(image, region, score, zoomOut: zoom), _zoomOut, scoreThreshold, _options.BoxCalibration);

    /// <summary>The raw output [2304 × 17] for an image already of the input size (for the equivalence test).</summary>
    internal float[] RunNetwork(Image<Rgb24> image)
    {
        if (image.Width != _inputSize || image.Height != _inputSize)
        {
            throw new ArgumentException($"RunNetwork takes a {_inputSize}×{_inputSize} image, not {image.Width}×{image.Height}.", nameof(image));
        }

        using var pixels = TiledDetection.InputTensor(image, Letterbox.Fit(new Rectangle(0, 0, _inputSize, _inputSize), _inputSize), _inputSize);
        using var outputs = Run(pixels);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Candidates of one region in image pixels, suppressed within it unless the evaluation tool asks for raw anchors.</summary>
    internal List<FaceCandidate> DetectRegion(Image<Rgb24> image, Rectangle region, float scoreThreshold, bool suppress = true, float zoomOut = 1f)
    {
        var letterbox = Letterbox.Fit(region, _inputSize, zoomOut);
        var candidates = new List<FaceCandidate>();
        using (var pixels = TiledDetection.InputTensor(image, letterbox, _inputSize))
        using (var outputs = Run(pixels))
            BlazeFaceDecoder.DecodeInterleaved(outputs[0].GetTensorDataAsSpan<float>(), _anchors, scoreThreshold, _inputSize, candidates);

        // Suppress inside each region first so tiles and the whole image merge as faces, not as raw anchors.
        return (suppress ? WeightedNonMaxSuppression.Apply(candidates, TiledDetection.SuppressionIoU) : candidates).Select(letterbox.ToImage).ToList();
    }

    private IDisposableReadOnlyCollection<OrtValue> Run(PooledTensor pixels)
    {
        using var input = pixels.ToOrtValue([1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, [_inputName], [input], _session.OutputNames);
    }
}
