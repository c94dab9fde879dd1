using FaceJobs.Core.Faces.FaceApi;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>
/// face-api's FaceLandmark68Net on ONNX Runtime: cuts the detected box as face-api does
/// (extractFaceTensors), pads it to a centred square, resizes it to 112 px and maps the 68 points
/// (iBUG 300-W order) back to image pixels. With <see cref="LandmarkOptions.MirrorPass"/> each point is the mean of
/// the network's answer for the crop and for its mirror image (left and right points swapped back), which halves
/// what is left of the network's left-right noise.
/// </summary>
public sealed class FaceLandmark68Net : IDisposable
{
    public const int PointCount = 68;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int _inputSize;
    private readonly bool _mirrorPass;

    public FaceLandmark68Net(LandmarkOptions options)
    {
        _session = OnnxSessions.Create(options.ModelPath, new OnnxSessionSettings(options.IntraOpThreads, options.ExecutionProvider));
        var input = _session.InputMetadata.Single();
        _inputName = input.Key;
        _inputSize = input.Value.Dimensions[1];
        _outputName = _session.OutputMetadata.Keys.Single();
        _mirrorPass = options.MirrorPass;
    }

    /// <summary>For each iBUG 300-W point, the point it becomes in the mirror image (jaw, brows, eyes, nose, lips).</summary>
    internal static IReadOnlyList<int> MirrorPartner { get; } = BuildMirrorPartners();

    /// <summary>The 68 landmarks of the face in <paramref name="box"/>, in image pixels.</summary>
    public IReadOnlyList<PointF> Locate(Image<Rgb24> image, RectangleF box)
    {
        var crop = FaceApiCrop.Clip(box, image.Width, image.Height);
        if (crop.Width <= 0 || crop.Height <= 0)
        {
            throw new ArgumentException($"Face box {box} lies outside the {image.Width}x{image.Height} image.", nameof(box));
        }

        var raw = RunNetwork(image, crop, mirrored: false);
        if (_mirrorPass)
        {
            var mirrored = RunNetwork(image, crop, mirrored: true);
            for (var i = 0; i < PointCount; i++)
            {
                var partner = MirrorPartner[i];
                raw[2 * i] = (raw[2 * i] + (1 - mirrored[2 * partner])) / 2;
                raw[(2 * i) + 1] = (raw[(2 * i) + 1] + mirrored[(2 * partner) + 1]) / 2;
            }
        }

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

    /// <summary>
    /// Raw network output for a crop: x, y pairs as fractions of the padded square, of the square's mirror image when
    /// <paramref name="mirrored"/> (so as the network sees a mirrored face: its points are not swapped back here).
    /// </summary>
    internal float[] RunNetwork(Image<Rgb24> image, Rectangle crop, bool mirrored = false)
    {
        using var pixels = new PooledTensor(_inputSize * _inputSize * 3);
        SquareInput.Fill(image, crop, centred: true, _inputSize, pixels.Buffer);
        if (mirrored)
            MirrorRows(pixels.Buffer, _inputSize);
        using var input = pixels.ToOrtValue([1, _inputSize, _inputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();

    private static void MirrorRows(float[] nhwc, int size)
    {
        for (var y = 0; y < size; y++)
        {
            var row = nhwc.AsSpan(y * size * 3, size * 3);
            for (int left = 0, right = size - 1; left < right; left++, right--)
            {
                for (var c = 0; c < 3; c++)
                    (row[(left * 3) + c], row[(right * 3) + c]) = (row[(right * 3) + c], row[(left * 3) + c]);
            }
        }
    }

    private static int[] BuildMirrorPartners()
    {
        var partner = Enumerable.Range(0, PointCount).ToArray();
        void Swap(int a, int b) => (partner[a], partner[b]) = (b, a);
        for (var i = 0; i < 8; i++)
            Swap(i, 16 - i); // jaw
        for (var i = 0; i < 5; i++)
            Swap(17 + i, 26 - i); // brows
        Swap(31, 35); // nostrils
        Swap(32, 34);
        foreach (var (a, b) in new[] { (36, 45), (37, 44), (38, 43), (39, 42), (40, 47), (41, 46) })
            Swap(a, b); // eyes
        foreach (var (a, b) in new[] { (48, 54), (49, 53), (50, 52), (55, 59), (56, 58) })
            Swap(a, b); // outer lips
        Swap(60, 64); // inner lips
        Swap(61, 63);
        Swap(65, 67);
        return partner;
    }
}
