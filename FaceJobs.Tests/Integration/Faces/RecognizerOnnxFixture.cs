using FaceJobs.Tests.Fixtures;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>The committed recognizer ONNX, loaded once per test class, run straight on RGB chips.</summary>
public sealed class RecognizerOnnxFixture : IDisposable
{
    private const int ChipSize = 150;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

    public RecognizerOnnxFixture()
    {
        _session = new InferenceSession(Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx"));
        _inputName = _session.InputMetadata.Keys.Single();
        _outputName = _session.OutputMetadata.Keys.Single();
    }

    /// <summary>One raw descriptor per PNG/JPEG chip, computed in one batch.</summary>
    public float[][] Describe(IReadOnlyList<string> chipPaths)
    {
        var pixels = new float[chipPaths.Count * ChipSize * ChipSize * 3];
        for (var i = 0; i < chipPaths.Count; i++)
        {
            CopyRgb(chipPaths[i], pixels.AsSpan(i * ChipSize * ChipSize * 3, ChipSize * ChipSize * 3));
        }

        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [chipPaths.Count, ChipSize, ChipSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        var flat = outputs[0].GetTensorDataAsSpan<float>();
        var length = flat.Length / chipPaths.Count;
        var descriptors = new float[chipPaths.Count][];
        for (var i = 0; i < descriptors.Length; i++)
        {
            descriptors[i] = flat.Slice(i * length, length).ToArray();
        }

        return descriptors;
    }

    public void Dispose() => _session.Dispose();

    private static void CopyRgb(string path, Span<float> destination)
    {
        using var image = Image.Load<Rgb24>(path);
        if (image.Width != ChipSize || image.Height != ChipSize)
        {
            throw new InvalidDataException($"{path} is {image.Width}x{image.Height}, expected {ChipSize}x{ChipSize}.");
        }

        var rgb = new Rgb24[ChipSize * ChipSize];
        image.CopyPixelDataTo(rgb);
        for (var i = 0; i < rgb.Length; i++)
        {
            destination[3 * i] = rgb[i].R;
            destination[(3 * i) + 1] = rgb[i].G;
            destination[(3 * i) + 2] = rgb[i].B;
        }
    }
}
