using FaceJobs.ModelConversion.Onnx;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>The input face-api's recognizer and landmark nets share: NHWC RGB 0–255, mean-subtracted, ÷255, to NCHW.</summary>
internal static class FaceApiImageInput
{
    public static FeatureMap Add(OnnxGraphBuilder graph, string inputName, int size)
    {
        var batch = OnnxDimension.Symbolic("N");
        var input = graph.AddInput(inputName, OnnxDataType.Float, batch, OnnxDimension.Fixed(size), OnnxDimension.Fixed(size), OnnxDimension.Fixed(3));

        // face-api: normalize(x, meanRgb).div(255), in NHWC, before any layer.
        var centred = graph.AddNode("Sub", [input, graph.AddFloats("mean_rgb", [3], 122.782f, 117.001f, 104.298f)]);
        var scaled = graph.AddNode("Div", [centred, graph.AddScalar("pixel_divisor", 255f)]);
        return new FeatureMap(graph.AddNode("Transpose", [scaled], [OnnxAttribute.Ints("perm", 0, 3, 1, 2)]), 3, size);
    }
}
