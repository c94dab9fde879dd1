using FaceJobs.Core.Faces.FaceApi;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Ssd;

/// <summary>
/// face-api's SSD-MobileNetV1 face detector (WIDER FACE) on ONNX Runtime: the whole photo padded to a
/// square and resized to 512×512, anchor decoding and NMS as face-api does them. Finds smaller faces
/// than BlazeFace's 256 px input, but gives no keypoints (<see cref="DetectedFace.Keypoints"/> is empty).
/// </summary>
public sealed class SsdMobileNetDetector : IFaceDetector, IDisposable
{
    private readonly InferenceSession _session;
    private readonly SsdDetectorOptions _options;
    private readonly string _inputName;
    private readonly int _inputSize;
    private readonly string[] _outputNames = ["box_encodings", "scores", "anchors"];

    public SsdMobileNetDetector(SsdDetectorOptions options)
    {
        _options = options;
        _session = OnnxSessions.Create(options.ModelPath, new OnnxSessionSettings(options.IntraOpThreads, options.ExecutionProvider));
        var input = _session.InputMetadata.Single();
        _inputName = input.Key;
        _inputSize = input.Value.Dimensions[1];
        var missing = _outputNames.Except(_session.OutputMetadata.Keys).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{options.ModelPath} lacks the outputs {string.Join(", ", missing)}.");
        }
    }

    public IReadOnlyList<DetectedFace> Detect(Image<Rgb24> image)
    {
        var whole = new Rectangle(0, 0, image.Width, image.Height);
        var candidates = DetectIn(image, whole).ToList();

        // Each finer tile level adds only faces too small for the coarser ones (at most a quarter of
        // the tile, i.e. 128 px of network input) that the tile did not cut.
        foreach (var tileSize in _options.TileSizes.Where(size => size < Math.Max(image.Width, image.Height)).OrderDescending())
        {
            foreach (var tile in SsdTiling.Tiles(image.Width, image.Height, tileSize))
            {
                candidates.AddRange(DetectIn(image, tile).Where(face =>
                    face.Box.Width <= tileSize / 4f && !SsdTiling.TouchesInnerEdge(face.Box, tile, image.Width, image.Height)));
            }
        }

        if (candidates.Count == 0 || _options.TileSizes.Length == 0)
        {
            return candidates;
        }

        var boxes = candidates.Select(f => new NormalizedBox(f.Box.Top, f.Box.Left, f.Box.Bottom, f.Box.Right)).ToArray();
        var scores = candidates.Select(f => f.Score).ToArray();
        return SsdNonMaxSuppression.Select(boxes, scores, _options.MaxResults, _options.IouThreshold, _options.MinConfidence)
            .Select(i => candidates[i]).ToArray();
    }

    /// <summary>Faces in one region of the image (padded to a square and resized as face-api does), in image pixels.</summary>
    private IReadOnlyList<DetectedFace> DetectIn(Image<Rgb24> image, Rectangle region)
    {
        var (encodings, scores, anchors) = RunNetwork(image, region);
        var boxes = new NormalizedBox[scores.Length];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = SsdBoxDecoder.Decode(encodings.AsSpan(4 * i, 4), anchors.AsSpan(4 * i, 4));
        }

        var kept = SsdNonMaxSuppression.Select(boxes, scores, _options.MaxResults, _options.IouThreshold, _options.MinConfidence);
        return kept.Select(i =>
        {
            var box = ToPixels(boxes[i], region.Width, region.Height);
            return new DetectedFace(box with { X = box.X + region.X, Y = box.Y + region.Y }, scores[i], []);
        }).ToArray();
    }

    /// <summary>Raw network outputs for the whole image: box encodings, face scores, anchors.</summary>
    internal (float[] Encodings, float[] Scores, float[] Anchors) RunNetwork(Image<Rgb24> image) =>
        RunNetwork(image, new Rectangle(0, 0, image.Width, image.Height));

    private (float[] Encodings, float[] Scores, float[] Anchors) RunNetwork(Image<Rgb24> image, Rectangle region)
    {
        var pixels = new float[_inputSize * _inputSize * 3];
        SquareInput.Fill(image, region, centred: false, _inputSize, pixels);
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], _outputNames);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray(), outputs[2].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>
    /// face-api's locateFaces: clamp to the square, undo the end padding with the rounded resized
    /// size (computeReshapedDimensions), then scale the relative box by the image size.
    /// </summary>
    private RectangleF ToPixels(NormalizedBox box, int width, int height)
    {
        var scale = (double)_inputSize / Math.Max(width, height);
        var padX = _inputSize / Math.Round(width * scale, MidpointRounding.AwayFromZero);
        var padY = _inputSize / Math.Round(height * scale, MidpointRounding.AwayFromZero);
        var top = Math.Max(0, box.Top) * padY;
        var bottom = Math.Min(1, box.Bottom) * padY;
        var left = Math.Max(0, box.Left) * padX;
        var right = Math.Min(1, box.Right) * padX;
        return new RectangleF((float)(left * width), (float)(top * height), (float)((right - left) * width), (float)((bottom - top) * height));
    }

    public void Dispose() => _session.Dispose();
}
