using FaceJobs.Core.Faces.FaceApi;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>
/// face-api's FaceLandmark68Net on ONNX Runtime: cuts the detected box as face-api does
/// (extractFaceTensors), pads it to a centred square, resizes it to 112 px and maps the 68 points
/// (iBUG 300-W order) back to image pixels.
/// </summary>
public sealed class FaceLandmark68Net : IDisposable
{
    public const int PointCount = 68;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int _inputSize;

    public FaceLandmark68Net(LandmarkOptions options)
    {
        _session = OnnxSessions.Create(options.ModelPath, new OnnxSessionSettings(options.IntraOpThreads, options.ExecutionProvider));
        var input = _session.InputMetadata.Single();
        _inputName = input.Key;
        _inputSize = input.Value.Dimensions[1];
        _outputName = _session.OutputMetadata.Keys.Single();
    }

    /// <summary>The 68 landmarks of the face in <paramref name="box"/>, in image pixels.</summary>
    public IReadOnlyList<PointF> Locate(Image<Rgb24> image, RectangleF box)
    {
        var crop = FaceApiCrop.Clip(box, image.Width, image.Height);
        if (crop.Width <= 0 || crop.Height <= 0)
        {
            throw new ArgumentException($"Face box {box} lies outside the {image.Width}x{image.Height} image.", nameof(box));
        }

        var raw = RunNetwork(image, crop);

        // face-api's postProcess: undo the centred padding (as diff / 2, unrounded) and the scaling.
        var scale = (float)_inputSize / Math.Max(crop.Width, crop.Height);
        var (width, height) = (crop.Width * scale, crop.Height * scale);
        var padX = width < height ? Math.Abs(width - height) / 2 : 0;
        var padY = height < width ? Math.Abs(width - height) / 2 : 0;
        var points = new PointF[PointCount];
        for (var i = 0; i < PointCount; i++)
        {
            var x = ((raw[2 * i] * _inputSize) - padX) / width * crop.Width;
            var y = ((raw[(2 * i) + 1] * _inputSize) - padY) / height * crop.Height;
            points[i] = new PointF(x + crop.X, y + crop.Y);
        }

        return points;
    }

    /// <summary>Raw network output for a crop: x, y pairs as fractions of the padded square.</summary>
    internal float[] RunNetwork(Image<Rgb24> image, Rectangle crop)
    {
        using var pixels = new PooledTensor(_inputSize * _inputSize * 3);
        SquareInput.Fill(image, crop, centred: true, _inputSize, pixels.Buffer);
        using var input = pixels.ToOrtValue([1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
