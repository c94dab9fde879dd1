using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Accuracy;

/// <summary>models/dlib_resnet_face_descriptor.onnx on 150 px chips, optionally averaged with the mirrored chip.</summary>
internal sealed class DlibRecognizer : IDisposable
{
    public const int ChipSize = 150;

    private readonly InferenceSession _session = new(Paths.Model("dlib_resnet_face_descriptor.onnx"));

    public float[] Describe(Image<Rgb24> chip, bool mirrorAverage)
    {
        var descriptor = Run(chip);
        if (!mirrorAverage)
        {
            return descriptor;
        }

        using var mirrored = chip.Clone(x => x.Flip(FlipMode.Horizontal));
        return descriptor.Zip(Run(mirrored), (a, b) => (a + b) / 2).ToArray();
    }

    private float[] Run(Image<Rgb24> chip)
    {
        var pixels = new float[ChipSize * ChipSize * 3];
        for (var y = 0; y < ChipSize; y++)
        {
            for (var x = 0; x < ChipSize; x++)
            {
                var p = chip[x, y];
                var offset = ((y * ChipSize) + x) * 3;
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) = (p.R, p.G, p.B);
            }
        }

        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, ChipSize, ChipSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_session.InputMetadata.Keys.Single()], [input], [_session.OutputMetadata.Keys.Single()]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();
}
