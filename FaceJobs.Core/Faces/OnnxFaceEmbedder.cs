using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>
/// dlib's ResNet face descriptor over ONNX Runtime: NHWC RGB chips with values 0–255 in, one descriptor per chip
/// out; a whole batch runs as one inference.
/// </summary>
public sealed class OnnxFaceEmbedder : IFaceEmbedder, IDisposable
{
    private const int DefaultChipSize = 150;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

    public OnnxFaceEmbedder(IOptions<FaceOptions> options, ModelPathResolver resolver)
        : this(resolver.Resolve(options.Value.RecognizerModelPath), OnnxSessionSettings.From(options.Value))
    {
    }

    public OnnxFaceEmbedder(string modelPath, int intraOpThreads)
        : this(modelPath, new OnnxSessionSettings(intraOpThreads))
    {
    }

    public OnnxFaceEmbedder(string modelPath, OnnxSessionSettings session)
    {
        _session = OnnxSessions.Create(modelPath, session);
        var input = _session.InputMetadata.Single();
        var output = _session.OutputMetadata.Single();
        _inputName = input.Key;
        _outputName = output.Key;
        var inputDimensions = input.Value.Dimensions;
        if (inputDimensions.Length != 4 || inputDimensions[^1] != 3)
        {
            throw new InvalidOperationException(
                $"{modelPath}: expected an NHWC input [N,S,S,3], found [{string.Join(',', inputDimensions)}].");
        }

        ChipSize = inputDimensions[1] > 0 ? inputDimensions[1] : DefaultChipSize;
        Dimensions = output.Value.Dimensions[^1];
    }

    public int ChipSize { get; }

    public int Dimensions { get; }

    public IReadOnlyList<float[]> Embed(IReadOnlyList<Image<Rgb24>> chips)
    {
        if (chips.Count == 0)
        {
            return [];
        }

        var chipLength = ChipSize * ChipSize * 3;
        using var pixels = new PooledTensor(chips.Count * chipLength);
        for (var i = 0; i < chips.Count; i++)
        {
            if (chips[i].Width != ChipSize || chips[i].Height != ChipSize)
            {
                throw new ArgumentException($"Chips must be {ChipSize}×{ChipSize}; chip {i} is {chips[i].Width}×{chips[i].Height}.");
            }

            chips[i].CopyRgbTo(pixels.Buffer, i * chipLength, ChipSize, 0, 0, 1f, 0f);
        }

        using var input = pixels.ToOrtValue([chips.Count, ChipSize, ChipSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
        var descriptors = outputs[0].GetTensorDataAsSpan<float>();
        var result = new List<float[]>(chips.Count);
        for (var i = 0; i < chips.Count; i++)
        {
            result.Add(descriptors.Slice(i * Dimensions, Dimensions).ToArray());
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
