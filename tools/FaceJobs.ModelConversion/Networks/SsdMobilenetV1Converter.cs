using FaceJobs.ModelConversion.Onnx;
using FaceJobs.ModelConversion.Tfjs;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>
/// Converts face-api's SSD-MobileNetV1 face detector (WIDER FACE) to ONNX up to the raw head outputs,
/// mirroring face-api 1.7.15 src/ssdMobilenetv1/{SsdMobilenetv1,mobileNetV1,predictionLayer,
/// boxPredictionLayer,pointwiseConvLayer}.ts. Anchor decoding and NMS are left to the caller.
/// Contract: input "image" float32 [1,512,512,3] NHWC RGB 0..255; outputs "box_encodings" [1,5118,4]
/// (ty, tx, th, tw per anchor), "scores" [1,5118] (sigmoid face score) and "anchors" [5118,4]
/// (ymin, xmin, ymax, xmax in [0,1], face-api's Output/extra_dim).
/// </summary>
public sealed class SsdMobilenetV1Converter
{
    public const string ModelName = "ssd_mobilenetv1_model";
    public const string InputName = "image";
    public const string BoxEncodingsName = "box_encodings";
    public const string ScoresName = "scores";
    public const string AnchorsName = "anchors";
    public const int InputSize = 512;
    private const int AnchorCount = 5118;
    private const float BatchNormEpsilon = 0.0010000000474974513f;

    private readonly OnnxGraphBuilder _graph = new("ssd_mobilenetv1_face_detector");
    private readonly TfjsWeights _weights;
    private readonly TfjsWeightImporter _importer;
    private readonly string _relu6Min;
    private readonly string _relu6Max;

    private SsdMobilenetV1Converter(TfjsWeights weights)
    {
        _weights = weights;
        _importer = new TfjsWeightImporter(_graph, weights);
        _relu6Min = _graph.AddScalar("relu6_min", 0f);
        _relu6Max = _graph.AddScalar("relu6_max", 6f);
    }

    /// <summary>Reads the tfjs files in <paramref name="faceApiModelDirectory"/> and returns the ONNX bytes.</summary>
    public static byte[] Convert(string faceApiModelDirectory)
    {
        var weights = TfjsWeights.Load(faceApiModelDirectory, ModelName);
        var model = new SsdMobilenetV1Converter(weights).BuildModel(NpmModelSource.Describe(faceApiModelDirectory, "model", ModelName));
        return OnnxModelSerializer.Serialize(model);
    }

    private OnnxModel BuildModel(string source)
    {
        var input = _graph.AddInput(InputName, OnnxDataType.Float, OnnxDimension.Fixed(1), OnnxDimension.Fixed(InputSize), OnnxDimension.Fixed(InputSize), OnnxDimension.Fixed(3));

        // face-api: x / 127.5 - 1 in NHWC.
        var scaled = _graph.AddNode("Div", [input, _graph.AddScalar("pixel_half_range", 127.5f)]);
        var centred = _graph.AddNode("Sub", [scaled, _graph.AddScalar("pixel_offset", 1f)]);
        var x = new FeatureMap(_graph.AddNode("Transpose", [centred], [OnnxAttribute.Ints("perm", 0, 3, 1, 2)]), 3, InputSize);

        x = PointwiseConv(x, "MobilenetV1/Conv2d_0_pointwise", stride: 2);
        FeatureMap? conv11 = null;
        for (var layer = 1; layer <= 13; layer++)
        {
            var stride = layer is 2 or 4 or 6 or 12 ? 2 : 1;
            x = DepthwiseConv(x, $"MobilenetV1/Conv2d_{layer}_depthwise", stride);
            x = PointwiseConv(x, $"MobilenetV1/Conv2d_{layer}_pointwise", stride: 1);
            conv11 = layer == 11 ? x : conv11;
        }

        var conv0 = PointwiseConv(x, "Prediction/Conv2d_0_pointwise", stride: 1);
        var conv1 = PointwiseConv(conv0, "Prediction/Conv2d_1_pointwise", stride: 2);
        var conv3 = PointwiseConv(PointwiseConv(conv1, "Prediction/Conv2d_2_pointwise", stride: 1), "Prediction/Conv2d_3_pointwise", stride: 2);
        var conv5 = PointwiseConv(PointwiseConv(conv3, "Prediction/Conv2d_4_pointwise", stride: 1), "Prediction/Conv2d_5_pointwise", stride: 2);
        var conv7 = PointwiseConv(PointwiseConv(conv5, "Prediction/Conv2d_6_pointwise", stride: 1), "Prediction/Conv2d_7_pointwise", stride: 2);

        FeatureMap[] headInputs = [conv11!, x, conv1, conv3, conv5, conv7];
        var heads = headInputs.Select(BoxPredictor).ToArray();

        var boxEncodings = _graph.AddNode("Concat", heads.Select(h => h.Boxes).ToArray(), [OnnxAttribute.Int("axis", 1)], BoxEncodingsName);
        var classes = _graph.AddNode("Concat", heads.Select(h => h.Classes).ToArray(), [OnnxAttribute.Int("axis", 1)]);

        // face-api: sigmoid(slice(classes, [0,0,1])), then the first remaining column is the face score.
        var faceLogits = _graph.AddNode("Slice", [classes, _graph.AddInt64s("face_class_start", 1), _graph.AddInt64s("face_class_end", 2), _graph.AddInt64s("face_class_axis", 2)]);
        var faceScores = _graph.AddNode("Sigmoid", [faceLogits]);
        var scores = _graph.AddNode("Reshape", [faceScores, _graph.AddInt64s("scores_shape", 1, AnchorCount)], outputName: ScoresName);
        var anchors = _graph.AddNode("Reshape", [_importer.Import("Output/extra_dim"), _graph.AddInt64s("anchors_shape", AnchorCount, 4)], outputName: AnchorsName);

        _graph.AddOutput(boxEncodings, OnnxDataType.Float, OnnxDimension.Fixed(1), OnnxDimension.Fixed(AnchorCount), OnnxDimension.Fixed(4));
        _graph.AddOutput(scores, OnnxDataType.Float, OnnxDimension.Fixed(1), OnnxDimension.Fixed(AnchorCount));
        _graph.AddOutput(anchors, OnnxDataType.Float, OnnxDimension.Fixed(AnchorCount), OnnxDimension.Fixed(4));

        CheckGraphConstants(heads);
        _importer.EnsureAllImported();

        return _graph.Build(
            opsetVersion: 13,
            producerName: "FaceJobs.ModelConverter",
            producerVersion: "1",
            docString: $"SSD-MobileNetV1 face detector converted from {source}. Input NHWC RGB 0..255 at 512x512; outputs raw box encodings, face scores and anchors.");
    }

    /// <summary>
    /// The manifest also carries constants of the original TF graph (anchor counts per head, the
    /// score slice, the input size, the preprocessing scale). They are not needed in ONNX, but they
    /// must agree with the graph built here, so a wrong head order or slice fails the conversion.
    /// </summary>
    private void CheckGraphConstants(IReadOnlyList<Head> heads)
    {
        for (var i = 0; i < heads.Count; i++)
        {
            Expect($"Prediction/BoxPredictor_{i}/stack_1/1", heads[i].AnchorCount);
        }

        Expect("Prediction/BoxPredictor_0/stack_1/2", 3);
        Expect("Prediction/BoxPredictor_0/stack/3", 4);
        Expect("Prediction/BoxPredictor_0/strided_slice/stack", 0);
        Expect("Prediction/BoxPredictor_0/strided_slice/stack_1", 1);
        Expect("Postprocessor/stack/1", AnchorCount);
        Expect("Postprocessor/Slice/begin", 0, 0, 1);
        Expect("Postprocessor/Slice/size", -1, -1, -1);
        Expect("concat_1/axis", 1);
        Expect("Preprocessor/ResizeImage/size", InputSize, InputSize);
        Expect("Preprocessor/mul/x", 2.0 / 255);
        Expect("Preprocessor/sub/y", 1);
    }

    private void Expect(string name, params double[] expected)
    {
        var actual = _importer.ReadValues(name);
        if (actual.Length != expected.Length || actual.Zip(expected).Any(pair => Math.Abs(pair.First - pair.Second) > 1e-6))
        {
            throw new InvalidDataException($"Graph constant '{name}' is [{string.Join(", ", actual)}], the converted graph assumes [{string.Join(", ", expected)}].");
        }
    }

    /// <summary>face-api pointwiseConvLayer: conv2d 'same' (any kernel) + batch-norm offset, then ReLU6.</summary>
    private FeatureMap PointwiseConv(FeatureMap x, string prefix, int stride)
    {
        var filterShape = _weights[$"{prefix}/weights"].Shape;
        var (kernel, channels) = (filterShape[0], filterShape[3]);
        var (begin, end, size) = TfSamePadding.For(x.Size, kernel, stride);
        var conv = _graph.AddNode("Conv", [x.Value, _importer.Import($"{prefix}/weights", TfjsWeightImporter.HwioToOihw), _importer.Import($"{prefix}/convolution_bn_offset")],
        [
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", begin, begin, end, end),
        ]);
        return new FeatureMap(Relu6(conv), channels, size);
    }

    /// <summary>face-api depthwiseConvLayer: depthwise conv2d 'same', batch norm, ReLU6.</summary>
    private FeatureMap DepthwiseConv(FeatureMap x, string prefix, int stride)
    {
        var kernel = _weights[$"{prefix}/depthwise_weights"].Shape[0];
        var (begin, end, size) = TfSamePadding.For(x.Size, kernel, stride);
        var conv = _graph.AddNode("Conv", [x.Value, _importer.Import($"{prefix}/depthwise_weights", TfjsWeightImporter.DepthwiseHwcmToCmhw)],
        [
            OnnxAttribute.Ints("kernel_shape", kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", begin, begin, end, end),
            OnnxAttribute.Int("group", x.Channels),
        ]);
        var normalized = _graph.AddNode("BatchNormalization",
        [
            conv,
            _importer.Import($"{prefix}/BatchNorm/gamma"),
            _importer.Import($"{prefix}/BatchNorm/beta"),
            _importer.Import($"{prefix}/BatchNorm/moving_mean"),
            _importer.Import($"{prefix}/BatchNorm/moving_variance"),
        ], [OnnxAttribute.Float("epsilon", BatchNormEpsilon)]);
        return new FeatureMap(Relu6(normalized), x.Channels, size);
    }

    /// <summary>
    /// face-api boxPredictionLayer: two 'same' convs + bias reshaped per anchor. tfjs reshapes NHWC,
    /// so the NCHW conv outputs are transposed back to NHWC first to keep the anchor order.
    /// </summary>
    private Head BoxPredictor(FeatureMap x, int index)
    {
        var prefix = $"Prediction/BoxPredictor_{index}";
        var boxes = HeadConv(x, $"{prefix}/BoxEncodingPredictor", valuesPerAnchor: 4, out var anchorsPerCell);
        var classes = HeadConv(x, $"{prefix}/ClassPredictor", valuesPerAnchor: 3, out _);
        return new Head(boxes, classes, x.Size * x.Size * anchorsPerCell);
    }

    private string HeadConv(FeatureMap x, string prefix, int valuesPerAnchor, out int anchorsPerCell)
    {
        var filterShape = _weights[$"{prefix}/weights"].Shape;
        anchorsPerCell = filterShape[3] / valuesPerAnchor;
        var conv = _graph.AddNode("Conv", [x.Value, _importer.Import($"{prefix}/weights", TfjsWeightImporter.HwioToOihw), _importer.Import($"{prefix}/biases")],
            [OnnxAttribute.Ints("kernel_shape", filterShape[0], filterShape[1])]);
        var nhwc = _graph.AddNode("Transpose", [conv], [OnnxAttribute.Ints("perm", 0, 2, 3, 1)]);
        return _graph.AddNode("Reshape", [nhwc, _graph.AddInt64s($"{prefix}/anchor_shape", 1, -1, valuesPerAnchor)]);
    }

    private string Relu6(string value) => _graph.AddNode("Clip", [value, _relu6Min, _relu6Max]);

    private sealed record Head(string Boxes, string Classes, int AnchorCount);
}
