using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts face-api's FaceLandmark68Net to ONNX, mirroring face-api 1.7.15
/// src/faceFeatureExtractor/{FaceFeatureExtractor,denseBlock}.ts, src/common/depthwiseSeparableConv.ts
/// and src/faceProcessor/FaceProcessor.ts op for op.
/// Contract: input "image" float32 [N,112,112,3] NHWC RGB 0..255 (the face crop, padded to a centred
/// square and resized by the caller); output "landmarks" float32 [N,136]: x0, y0, x1, y1, ... as
/// fractions of the 112 px input.
/// </summary>
public sealed class FaceLandmark68Converter
{
    public const string ModelName = "face_landmark_68_model";
    public const string InputName = "image";
    public const string OutputName = "landmarks";
    public const int InputSize = 112;
    private const int PointCount = 68;

    private readonly OnnxGraphBuilder _graph = new("face_landmark_68");
    private readonly TfjsWeights _weights;
    private readonly TfjsWeightImporter _importer;

    private FaceLandmark68Converter(TfjsWeights weights)
    {
        _weights = weights;
        _importer = new TfjsWeightImporter(_graph, weights);
    }

    /// <summary>Reads the tfjs files in <paramref name="faceApiModelDirectory"/> and returns the ONNX bytes.</summary>
    public static byte[] Convert(string faceApiModelDirectory)
    {
        var weights = TfjsWeights.Load(faceApiModelDirectory, ModelName);
        var model = new FaceLandmark68Converter(weights).BuildModel(NpmModelSource.Describe(faceApiModelDirectory, "model", ModelName));
        return OnnxModelSerializer.Serialize(model);
    }

    private OnnxModel BuildModel(string source)
    {
        var x = FaceApiImageInput.Add(_graph, InputName, InputSize);

        x = DenseBlock4(x, "dense0", isFirstLayer: true);
        x = DenseBlock4(x, "dense1", isFirstLayer: false);
        x = DenseBlock4(x, "dense2", isFirstLayer: false);
        x = DenseBlock4(x, "dense3", isFirstLayer: false);

        var pooled = _graph.AddNode("AveragePool", [x.Value], [OnnxAttribute.Ints("kernel_shape", 7, 7), OnnxAttribute.Ints("strides", 2, 2)]);
        var flat = _graph.AddNode("Flatten", [pooled], [OnnxAttribute.Int("axis", 1)]);
        var projected = _graph.AddNode("MatMul", [flat, _importer.Import("fc/weights")]);
        var output = _graph.AddNode("Add", [projected, _importer.Import("fc/bias")], outputName: OutputName);
        _graph.AddOutput(output, OnnxDataType.Float, OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(2 * PointCount));
        _importer.EnsureAllImported();

        return _graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"68-point face landmarks converted from {source}. Input NHWC RGB 0..255 at 112x112; output x,y pairs as fractions of the input.");
    }

    /// <summary>face-api denseBlock4 (scale-down): four convs, each fed the ReLU of the sum of those before.</summary>
    private FeatureMap DenseBlock4(FeatureMap x, string prefix, bool isFirstLayer)
    {
        var out1 = isFirstLayer ? PlainConv(x, $"{prefix}/conv0", stride: 2) : SeparableConv(x, $"{prefix}/conv0", stride: 2);
        out1 = out1 with { Value = _graph.AddNode("Relu", [out1.Value]) };
        var out2 = SeparableConv(out1, $"{prefix}/conv1", stride: 1);
        var in3 = Relu(Add(out1.Value, out2.Value));
        var out3 = SeparableConv(out1 with { Value = in3 }, $"{prefix}/conv2", stride: 1);
        var in4 = Relu(Add(out1.Value, Add(out2.Value, out3.Value)));
        var out4 = SeparableConv(out1 with { Value = in4 }, $"{prefix}/conv3", stride: 1);
        return out1 with { Value = Relu(Add(out1.Value, Add(out2.Value, Add(out3.Value, out4.Value)))) };
    }

    private FeatureMap PlainConv(FeatureMap x, string prefix, int stride)
    {
        var filterShape = _weights[$"{prefix}/filters"].Shape;
        var (kernel, channels) = (filterShape[0], filterShape[3]);
        var (begin, end, size) = TfSamePadding.For(x.Size, kernel, stride);
        var conv = _graph.AddNode("Conv", [x.Value, _importer.Import($"{prefix}/filters", TfjsWeightImporter.HwioToOihw), _importer.Import($"{prefix}/bias")],
        [
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", begin, begin, end, end),
        ]);
        return new FeatureMap(conv, channels, size);
    }

    /// <summary>face-api depthwiseSeparableConv: tf.separableConv2d 'same' (depthwise, then 1×1 pointwise), + bias.</summary>
    private FeatureMap SeparableConv(FeatureMap x, string prefix, int stride)
    {
        var kernel = _weights[$"{prefix}/depthwise_filter"].Shape[0];
        var channels = _weights[$"{prefix}/pointwise_filter"].Shape[3];
        var (begin, end, size) = TfSamePadding.For(x.Size, kernel, stride);
        var depthwise = _graph.AddNode("Conv", [x.Value, _importer.Import($"{prefix}/depthwise_filter", TfjsWeightImporter.DepthwiseHwcmToCmhw)],
        [
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", begin, begin, end, end),
            OnnxAttribute.Int("group", x.Channels),
        ]);
        var pointwise = _graph.AddNode("Conv", [depthwise, _importer.Import($"{prefix}/pointwise_filter", TfjsWeightImporter.HwioToOihw), _importer.Import($"{prefix}/bias")],
            [OnnxAttribute.Ints("kernel_shape", 1, 1)]);
        return new FeatureMap(pointwise, channels, size);
    }

    private string Add(string a, string b) => _graph.AddNode("Add", [a, b]);

    private string Relu(string value) => _graph.AddNode("Relu", [value]);
}
