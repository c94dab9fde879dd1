using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts face-api's FaceRecognitionNet (dlib's ResNet-29 face descriptor) to ONNX, mirroring
/// face-api 1.7.15 src/faceRecognitionNet/{FaceRecognitionNet,convLayer,residualLayer}.ts op for op.
/// Contract: input "input" float32 [N,150,150,3] NHWC RGB 0..255; output "descriptor" float32 [N,128].
/// </summary>
public sealed class DlibResNetConverter
{
    public const string ModelName = "face_recognition_model";
    public const string InputName = "input";
    public const string OutputName = "descriptor";
    private const int InputSize = 150;
    private const int DescriptorLength = 128;

    private static readonly string[] ResidualStages =
    [
        "conv32_1", "conv32_2", "conv32_3",
        "conv64_down", "conv64_1", "conv64_2", "conv64_3",
        "conv128_down", "conv128_1", "conv128_2",
        "conv256_down", "conv256_1", "conv256_2", "conv256_down_out",
    ];

    private readonly OnnxGraphBuilder _graph = new("dlib_resnet_face_descriptor");
    private readonly TfjsWeights _weights;
    private readonly TfjsWeightImporter _importer;

    private DlibResNetConverter(TfjsWeights weights)
    {
        _weights = weights;
        _importer = new TfjsWeightImporter(_graph, weights);
    }

    /// <summary>Reads the tfjs files in <paramref name="faceApiModelDirectory"/> and returns the ONNX bytes.</summary>
    public static byte[] Convert(string faceApiModelDirectory)
    {
        var weights = TfjsWeights.Load(faceApiModelDirectory, ModelName);
        var model = new DlibResNetConverter(weights).BuildModel(NpmModelSource.Describe(faceApiModelDirectory, "model", ModelName));
        return OnnxModelSerializer.Serialize(model);
    }

    private OnnxModel BuildModel(string source)
    {
        var x = FaceApiImageInput.Add(_graph, InputName, InputSize);

        x = ConvLayer(x, "conv32_down", stride: 2, relu: true);
        x = x with
        {
            Value = _graph.AddNode("MaxPool", [x.Value], [OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.Ints("strides", 2, 2)]),
            Size = OutputSize(x.Size, kernel: 3, stride: 2, pad: 0),
        };

        foreach (var stage in ResidualStages)
        {
            x = stage.Contains("_down", StringComparison.Ordinal) ? ResidualDown(x, stage) : Residual(x, stage);
        }

        var pooled = _graph.AddNode("ReduceMean", [x.Value], [OnnxAttribute.Ints("axes", 2, 3), OnnxAttribute.Int("keepdims", 0)]);
        var output = _graph.AddNode("MatMul", [pooled, _importer.Import("fc")], outputName: OutputName);
        _graph.AddOutput(output, OnnxDataType.Float, OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(DescriptorLength));
        _importer.EnsureAllImported();

        return _graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"dlib ResNet face descriptor converted from {source}. Input NHWC RGB 0..255, output raw 128-D descriptor.");
    }

    private FeatureMap Residual(FeatureMap x, string prefix)
    {
        var output = ConvLayer(x, $"{prefix}/conv1", stride: 1, relu: true);
        output = ConvLayer(output, $"{prefix}/conv2", stride: 1, relu: false);
        var sum = _graph.AddNode("Add", [output.Value, x.Value]);
        return output with { Value = _graph.AddNode("Relu", [sum]) };
    }

    private FeatureMap ResidualDown(FeatureMap x, string prefix)
    {
        var output = ConvLayer(x, $"{prefix}/conv1", stride: 2, relu: true);
        output = ConvLayer(output, $"{prefix}/conv2", stride: 1, relu: false);

        var shortcut = _graph.AddNode("AveragePool", [x.Value], [OnnxAttribute.Ints("kernel_shape", 2, 2), OnnxAttribute.Ints("strides", 2, 2)]);
        var shortcutSize = OutputSize(x.Size, kernel: 2, stride: 2, pad: 0);

        // face-api concatenates a zero row (bottom) and zero column (right) when the conv path is one
        // pixel smaller than the pooled shortcut, and zero channels when the shortcut has fewer channels.
        var outputValue = output.Value;
        if (shortcutSize != output.Size)
        {
            var grow = shortcutSize - output.Size;
            outputValue = _graph.AddNode("Pad", [outputValue, _graph.AddInt64s($"{prefix}/spatial_pads", 0, 0, 0, 0, 0, 0, grow, grow)]);
        }

        if (x.Channels != output.Channels)
        {
            var extra = output.Channels - x.Channels;
            shortcut = _graph.AddNode("Pad", [shortcut, _graph.AddInt64s($"{prefix}/channel_pads", 0, 0, 0, 0, 0, extra, 0, 0)]);
        }

        var sum = _graph.AddNode("Add", [shortcut, outputValue]);
        return new FeatureMap(_graph.AddNode("Relu", [sum]), output.Channels, shortcutSize);
    }

    /// <summary>face-api convLayer: conv2d (+bias), then the dlib affine "scale" layer, then optional ReLU.</summary>
    private FeatureMap ConvLayer(FeatureMap x, string prefix, int stride, bool relu)
    {
        var filterShape = _weights[$"{prefix}/conv/filters"].Shape;
        var kernel = filterShape[0];
        var channels = filterShape[3];

        // tfjs uses 'valid' padding for the strided convolutions and 'same' for the others.
        var pad = stride == 1 ? (kernel - 1) / 2 : 0;
        var filters = _importer.Import($"{prefix}/conv/filters", TfjsWeightImporter.HwioToOihw);
        var bias = _importer.Import($"{prefix}/conv/bias");
        var conv = _graph.AddNode("Conv", [x.Value, filters, bias],
        [
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", pad, pad, pad, pad),
        ]);

        long[] perChannel = [1, channels, 1, 1];
        var scaled = _graph.AddNode("Mul", [conv, _importer.Import($"{prefix}/scale/weights", dims: perChannel)]);
        var shifted = _graph.AddNode("Add", [scaled, _importer.Import($"{prefix}/scale/biases", dims: perChannel)]);
        var value = relu ? _graph.AddNode("Relu", [shifted]) : shifted;
        return new FeatureMap(value, channels, OutputSize(x.Size, kernel, stride, pad));
    }

    private static int OutputSize(int size, int kernel, int stride, int pad) => ((size + (2 * pad) - kernel) / stride) + 1;
}
