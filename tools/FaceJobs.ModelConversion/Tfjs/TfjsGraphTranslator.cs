using FaceJobs.ModelConversion.Networks;
using FaceJobs.ModelConversion.Onnx;

namespace FaceJobs.ModelConversion.Tfjs;

/// <summary>
/// Translates the part of a tfjs graph model that the chosen outputs depend on into ONNX, node by node, for the ops of
/// MediaPipe's convolutional detectors and face mesh: Placeholder, Const, Pad, _FusedConv2D and
/// FusedDepthwiseConv2dNative (BiasAdd, optional Relu or Prelu), DepthwiseConv2dNative (no bias), AddV2, Relu, Prelu, Sigmoid,
/// MaxPool, ResizeBilinear, DepthToSpace, the Shape/StridedSlice/Pack that compute a Reshape's batch size, Reshape,
/// ConcatV2 and Identity. Anything else fails the conversion by name.
/// TensorFlow computes in NHWC; ONNX convolutions want NCHW, so 4-D activations are kept NCHW from the input
/// transpose on and turned back to NHWC only where a Reshape needs TensorFlow's element order. A zero Pad read only
/// by a VALID convolution becomes that convolution's pads. Nodes are visited depth first from the output in input
/// order, so the same graph always gives the same ONNX.
/// </summary>
internal sealed class TfjsGraphTranslator
{
    private const long Batch = -1;

    private readonly TfjsGraphModel _model;
    private readonly OnnxGraphBuilder _graph;
    private readonly TfjsWeightImporter _importer;
    private readonly Dictionary<string, int> _consumers;
    private readonly Dictionary<string, GraphValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _neededWeights = new(StringComparer.Ordinal);

    public TfjsGraphTranslator(TfjsGraphModel model, OnnxGraphBuilder graph)
    {
        _model = model;
        _graph = graph;
        _importer = new TfjsWeightImporter(graph, model.Weights);
        _consumers = model.ConsumerCounts();
    }

    /// <summary>
    /// Adds the graph input and every node <paramref name="outputNode"/> needs, declares the result as the ONNX output
    /// <paramref name="onnxOutputName"/> and returns its TensorFlow shape (-1 for the batch). Fails when a weight the
    /// outputs translated so far depend on was left out, or one they do not depend on was taken: the translation would
    /// be wrong. Call it once per output; nodes the outputs share are translated once.
    /// </summary>
    public long[] TranslateOutput(string outputNode, string onnxOutputName)
    {
        var result = Tensor(outputNode);
        if (result.Nchw)
        {
            throw new NotSupportedException($"Output '{outputNode}' is a 4-D activation; only reshaped outputs are supported.");
        }

        var output = _graph.AddNode("Identity", [result.Name], outputName: onnxOutputName);
        _graph.AddOutput(output, OnnxDataType.Float, [.. result.Shape.Select(Dimension)]);

        var needed = _neededWeights;
        needed.UnionWith(_model.Ancestors(outputNode).Where(n => _model[n].Op == "Const"));
        if (!needed.SetEquals(_importer.Imported))
        {
            throw new InvalidOperationException(
                $"Weights of '{outputNode}' left out: [{string.Join(", ", needed.Except(_importer.Imported))}]; " +
                $"taken but not needed: [{string.Join(", ", _importer.Imported.Except(needed))}].");
        }

        return result.Shape;
    }

    private TensorValue Tensor(string name) =>
        Value(name) as TensorValue ?? throw new NotSupportedException($"Node '{name}' ({_model[name].Op}) is used as a tensor but is not one.");

    private GraphValue Value(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            value = Translate(_model[name]);
            _values[name] = value;
        }

        return value;
    }

    private GraphValue Translate(TfjsNode node) => node.Op switch
    {
        "Placeholder" => Input(node),
        "Identity" => Value(node.Inputs[0]),
        "Pad" => Pad(node),
        "_FusedConv2D" => Convolution(node, depthwise: false),
        "FusedDepthwiseConv2dNative" => Convolution(node, depthwise: true),
        "DepthwiseConv2dNative" => Convolution(node, depthwise: true),
        "AddV2" => Add(node),
        "Relu" => Elementwise(node, "Relu"),
        "Prelu" => Prelu(node),
        "Sigmoid" => Elementwise(node, "Sigmoid"),
        "MaxPool" => MaxPool(node),
        "ResizeBilinear" => ResizeBilinear(node),
        "DepthToSpace" => DepthToSpace(node),
        "Shape" => new ShapeValue(Tensor(node.Inputs[0]).Shape),
        "StridedSlice" => ShapeElement(node),
        "Pack" => PackShape(node),
        "Reshape" => Reshape(node),
        "ConcatV2" => Concat(node),
        _ => throw new NotSupportedException($"tfjs op {node.Op} (node '{node.Name}') is not supported by the converter."),
    };

    private TensorValue Input(TfjsNode node)
    {
        var shape = node.Attributes["shape"].GetProperty("shape").GetProperty("dim").EnumerateArray()
            .Select(d => long.Parse(d.GetProperty("size").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        if (shape.Length != 4 || shape[0] != Batch || shape.Skip(1).Any(d => d <= 0))
        {
            throw new NotSupportedException($"Input '{node.Name}': expected [-1,H,W,C], found [{string.Join(',', shape)}].");
        }

        var input = _graph.AddInput(node.Name, OnnxDataType.Float, [.. shape.Select(Dimension)]);
        var nchw = _graph.AddNode("Transpose", [input], [OnnxAttribute.Ints("perm", 0, 3, 1, 2)]);
        return new TensorValue(nchw, shape, Nchw: true);
    }

    /// <summary>A zero Pad on H and W read only by one VALID convolution: that convolution takes it as its pads.</summary>
    private bool TryFoldPad(string inputName, out TensorValue padded, out long[] pads)
    {
        var node = _model[inputName];
        if (node.Op == "Pad" && _consumers[inputName] == 1 && !_values.ContainsKey(inputName))
        {
            var paddings = Ints(node.Inputs[1]);
            if (paddings is [0, 0, var top, var bottom, var left, var right, 0, 0])
            {
                padded = Tensor(node.Inputs[0]);
                pads = [top, left, bottom, right];
                return true;
            }
        }

        padded = Tensor(inputName);
        pads = [0, 0, 0, 0];
        return false;
    }

    private TensorValue Pad(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        var p = Ints(node.Inputs[1]);
        if (!x.Nchw || p.Length != 8 || p.Any(v => v < 0))
        {
            throw new NotSupportedException($"Pad '{node.Name}': only non-negative pads of a 4-D activation are supported.");
        }

        // TF paddings are [[N], [H], [W], [C]] as (before, after); ONNX wants all befores, then all afters, in NCHW.
        var pads = _graph.AddInt64s($"{node.Name}/pads", p[0], p[6], p[2], p[4], p[1], p[7], p[3], p[5]);
        var output = _graph.AddNode("Pad", [x.Name, pads]);
        long[] shape = [Batch, x.Shape[1] + p[2] + p[3], x.Shape[2] + p[4] + p[5], x.Shape[3] + p[6] + p[7]];
        return new TensorValue(output, shape, Nchw: true);
    }

    private TensorValue Convolution(TfjsNode node, bool depthwise)
    {
        // An unfused DepthwiseConv2dNative has no bias; the fused ops carry one input each (bias, then Prelu's slopes).
        string[] fused = node.Has("fused_ops") ? node.Strings("fused_ops") : [];
        var inputCount = fused is [_, "Prelu"] ? 4 : fused is [] ? 2 : 3;
        if (fused is not ([] or ["BiasAdd"] or ["BiasAdd", "Relu"] or ["BiasAdd", "Prelu"]) || node.Inputs.Count != inputCount
            || (fused is [] && node.Op != "DepthwiseConv2dNative")
            || node.String("data_format") != "NHWC" || node.Ints("dilations").Any(d => d != 1))
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}': only NHWC, dilation 1, BiasAdd with an optional Relu or Prelu is supported.");
        }

        var strides = node.Ints("strides");
        if (strides is not [1, var strideH, var strideW, 1] || strideH != strideW)
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}': strides [{string.Join(',', strides)}] are not supported.");
        }

        var filterShape = _model.Weights[node.Inputs[1]].Shape;
        var (kernelH, kernelW, inChannels, outChannels) = (filterShape[0], filterShape[1], filterShape[2], filterShape[3]);
        var padding = node.String("padding");
        TensorValue x;
        long[] pads;
        if (padding == "VALID")
        {
            TryFoldPad(node.Inputs[0], out x, out pads);
        }
        else if (padding == "SAME")
        {
            x = Tensor(node.Inputs[0]);
            var (top, bottom, _) = TfSamePadding.For((int)x.Shape[1], kernelH, (int)strideH);
            var (left, right, _) = TfSamePadding.For((int)x.Shape[2], kernelW, (int)strideW);
            pads = [top, left, bottom, right];
        }
        else
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}': padding {padding} is not supported.");
        }

        if (!x.Nchw || x.Shape[3] != inChannels)
        {
            throw new InvalidDataException($"{node.Op} '{node.Name}': input [{string.Join(',', x.Shape)}] does not fit filter [{string.Join(',', filterShape)}].");
        }

        if (depthwise && outChannels != 1)
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}': depth multiplier {outChannels} is not supported.");
        }

        var filter = _importer.Import(node.Inputs[1], depthwise ? TfjsWeightImporter.DepthwiseHwcmToCmhw : TfjsWeightImporter.HwioToOihw);
        var bias = fused is [] ? null : _importer.Import(node.Inputs[2]);
        List<OnnxAttribute> attributes =
        [
            OnnxAttribute.Ints("kernel_shape", kernelH, kernelW),
            OnnxAttribute.Ints("strides", strideH, strideW),
            OnnxAttribute.Ints("pads", pads[0], pads[1], pads[2], pads[3]),
        ];
        if (depthwise)
        {
            attributes.Add(OnnxAttribute.Int("group", inChannels));
        }

        string[] convInputs = bias is null ? [x.Name, filter] : [x.Name, filter, bias];
        var output = _graph.AddNode("Conv", convInputs, attributes);
        if (fused is [_, "Relu"])
        {
            output = _graph.AddNode("Relu", [output]);
        }
        else if (fused is [_, "Prelu"])
        {
            output = _graph.AddNode("PRelu", [output, Slopes(node, node.Inputs[3], depthwise ? inChannels : outChannels)]);
        }

        var height = ((x.Shape[1] + pads[0] + pads[2] - kernelH) / strideH) + 1;
        var width = ((x.Shape[2] + pads[1] + pads[3] - kernelW) / strideW) + 1;
        return new TensorValue(output, [Batch, height, width, depthwise ? inChannels : outChannels], Nchw: true);
    }

    private TensorValue Add(TfjsNode node)
    {
        var (a, b) = (Tensor(node.Inputs[0]), Tensor(node.Inputs[1]));
        if (a.Nchw != b.Nchw || !a.Shape.SequenceEqual(b.Shape))
        {
            throw new NotSupportedException($"AddV2 '{node.Name}': broadcasting [{string.Join(',', a.Shape)}] + [{string.Join(',', b.Shape)}] is not supported.");
        }

        return a with { Name = _graph.AddNode("Add", [a.Name, b.Name]) };
    }

    private TensorValue Elementwise(TfjsNode node, string onnxOp)
    {
        var x = Tensor(node.Inputs[0]);
        return x with { Name = _graph.AddNode(onnxOp, [x.Name]) };
    }

    private TensorValue Prelu(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        if (!x.Nchw)
        {
            throw new NotSupportedException($"Prelu '{node.Name}': only 4-D activations are supported.");
        }

        return x with { Name = _graph.AddNode("PRelu", [x.Name, Slopes(node, node.Inputs[1], x.Shape[3])]) };
    }

    /// <summary>Per-channel Prelu slopes, TF's [1,1,C] for NHWC broadcasting, as the [C,1,1] an NCHW PRelu broadcasts.</summary>
    private string Slopes(TfjsNode node, string weightName, long channels)
    {
        if (!_model.Weights[weightName].Shape.SequenceEqual([1, 1, (int)channels]))
        {
            throw new NotSupportedException($"{node.Op} '{node.Name}': Prelu slopes [{string.Join(',', _model.Weights[weightName].Shape)}] are not per channel.");
        }

        return _importer.Import(weightName, dims: [channels, 1, 1]);
    }

    private TensorValue MaxPool(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        var (kernel, strides) = (node.Ints("ksize"), node.Ints("strides"));
        if (!x.Nchw || node.String("data_format") != "NHWC" || node.String("padding") != "VALID"
            || kernel is not [1, var kernelH, var kernelW, 1] || strides is not [1, var strideH, var strideW, 1])
        {
            throw new NotSupportedException($"MaxPool '{node.Name}': only NHWC VALID pooling over H and W is supported.");
        }

        var output = _graph.AddNode("MaxPool", [x.Name],
        [
            OnnxAttribute.Ints("kernel_shape", kernelH, kernelW),
            OnnxAttribute.Ints("strides", strideH, strideW),
        ]);
        var height = ((x.Shape[1] - kernelH) / strideH) + 1;
        var width = ((x.Shape[2] - kernelW) / strideW) + 1;
        return new TensorValue(output, [Batch, height, width, x.Shape[3]], Nchw: true);
    }

    /// <summary>TF's half-pixel bilinear resize (align_corners false) is ONNX Resize linear with half_pixel coordinates.</summary>
    private TensorValue ResizeBilinear(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        var size = Ints(node.Inputs[1]);
        if (!x.Nchw || size.Length != 2 || node.Bool("align_corners") || !node.Bool("half_pixel_centers"))
        {
            throw new NotSupportedException($"ResizeBilinear '{node.Name}': only half-pixel centres without align_corners are supported.");
        }

        var scales = _graph.AddFloats($"{node.Name}/scales", [4], 1f, 1f, (float)size[0] / x.Shape[1], (float)size[1] / x.Shape[2]);
        var output = _graph.AddNode("Resize", [x.Name, "", scales],
        [
            OnnxAttribute.String("mode", "linear"),
            OnnxAttribute.String("coordinate_transformation_mode", "half_pixel"),
        ]);
        return new TensorValue(output, [Batch, size[0], size[1], x.Shape[3]], Nchw: true);
    }

    /// <summary>TF DepthToSpace in NHWC orders the block before the channel, as ONNX's DCR mode does in NCHW.</summary>
    private TensorValue DepthToSpace(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        var block = node.Int("block_size");
        if (!x.Nchw || node.String("data_format") != "NHWC" || x.Shape[3] % (block * block) != 0)
        {
            throw new NotSupportedException($"DepthToSpace '{node.Name}': only NHWC with channels divisible by block² is supported.");
        }

        var output = _graph.AddNode("DepthToSpace", [x.Name], [OnnxAttribute.Int("blocksize", block), OnnxAttribute.String("mode", "DCR")]);
        return new TensorValue(output, [Batch, x.Shape[1] * block, x.Shape[2] * block, x.Shape[3] / (block * block)], Nchw: true);
    }

    /// <summary>tf.shape(x)[i] (StridedSlice begin i, end i + 1, stride 1, shrink_axis_mask 1): one dimension.</summary>
    private ShapeElementValue ShapeElement(TfjsNode node)
    {
        var shape = Value(node.Inputs[0]) as ShapeValue
            ?? throw new NotSupportedException($"StridedSlice '{node.Name}': only slices of a Shape are supported.");
        var (begin, end, stride) = (Ints(node.Inputs[1]), Ints(node.Inputs[2]), Ints(node.Inputs[3]));
        if (begin is not [var axis] || end is not [var stop] || stride is not [1] || stop != axis + 1 || node.Int("shrink_axis_mask") != 1
            || node.Int("begin_mask") != 0 || node.Int("end_mask") != 0 || node.Int("ellipsis_mask") != 0 || node.Int("new_axis_mask") != 0)
        {
            throw new NotSupportedException($"StridedSlice '{node.Name}': only shape[i] is supported.");
        }

        return new ShapeElementValue((int)axis, shape.Dims[axis]);
    }

    /// <summary>A Reshape target packed from shape elements and constants. ONNX Reshape's 0 copies the batch dimension.</summary>
    private ReshapeTargetValue PackShape(TfjsNode node)
    {
        if (node.Int("axis") != 0)
        {
            throw new NotSupportedException($"Pack '{node.Name}': only axis 0 is supported.");
        }

        var dims = node.Inputs.Select(input => Value(input, allowConstant: true) switch
        {
            ShapeElementValue { Axis: 0, Value: Batch } => 0L,
            ShapeElementValue element when element.Value > 0 => element.Value,
            ConstantValue { Values: [var value] } => value,
            var other => throw new NotSupportedException($"Pack '{node.Name}': input {other} is not supported."),
        }).ToArray();
        return new ReshapeTargetValue(dims);
    }

    private TensorValue Reshape(TfjsNode node)
    {
        var x = Tensor(node.Inputs[0]);
        var target = Value(node.Inputs[1], allowConstant: true) switch
        {
            ReshapeTargetValue packed => packed.Dims,
            ConstantValue constant => constant.Values,
            var other => throw new NotSupportedException($"Reshape '{node.Name}': shape {other} is not supported."),
        };

        var input = x.Nchw ? _graph.AddNode("Transpose", [x.Name], [OnnxAttribute.Ints("perm", 0, 2, 3, 1)]) : x.Name;
        var output = _graph.AddNode("Reshape", [input, _graph.AddInt64s($"{node.Name}/shape", target)]);
        return new TensorValue(output, ReshapedShape(node, x.Shape, target), Nchw: false);
    }

    private static long[] ReshapedShape(TfjsNode node, long[] input, long[] target)
    {
        var shape = target.Select((d, i) => d == 0 ? input[i] : d).ToArray();
        var known = input.Skip(1).Aggregate(1L, (a, b) => a * b);
        var rest = shape.Skip(1).Where(d => d > 0).Aggregate(1L, (a, b) => a * b);
        var inferred = shape.Skip(1).Count(d => d == -1);
        if (shape[0] != Batch || inferred > 1 || (inferred == 0 && rest != known) || known % rest != 0)
        {
            throw new NotSupportedException($"Reshape '{node.Name}': [{string.Join(',', input)}] to [{string.Join(',', target)}] is not supported.");
        }

        return shape.Select((d, i) => i > 0 && d == -1 ? known / rest : d).ToArray();
    }

    private TensorValue Concat(TfjsNode node)
    {
        var parts = node.Inputs.Take(node.Inputs.Count - 1).Select(Tensor).ToArray();
        var axis = Ints(node.Inputs[^1]) is [var a] ? a : throw new NotSupportedException($"ConcatV2 '{node.Name}': the axis must be a scalar.");
        var rank = parts[0].Shape.Length;
        axis = axis < 0 ? axis + rank : axis;
        if (parts.Any(p => p.Nchw || p.Shape.Length != rank || p.Shape.Where((d, i) => i != axis && d != parts[0].Shape[i]).Any()) || axis == 0)
        {
            throw new NotSupportedException($"ConcatV2 '{node.Name}': only reshaped tensors of the same shape off the axis are supported.");
        }

        var output = _graph.AddNode("Concat", [.. parts.Select(p => p.Name)], [OnnxAttribute.Int("axis", axis)]);
        var shape = parts[0].Shape.ToArray();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        return new TensorValue(output, shape, Nchw: false);
    }

    private GraphValue Value(string name, bool allowConstant) =>
        allowConstant && _model[name].Op == "Const" ? new ConstantValue(Ints(name)) : Value(name);

    /// <summary>An int32 Const (pads, sizes, axes), read from the manifest.</summary>
    private long[] Ints(string constName)
    {
        if (_constants.TryGetValue(constName, out var known))
        {
            return known;
        }

        var node = _model[constName];
        if (node.Op != "Const" || _model.Weights[constName].DataType != "int32")
        {
            throw new NotSupportedException($"'{constName}' ({node.Op}) must be an int32 Const.");
        }

        var values = _importer.ReadValues(constName).Select(v => (long)v).ToArray();
        _constants[constName] = values;
        return values;
    }

    private static OnnxDimension Dimension(long size) => size == Batch ? OnnxDimension.Symbolic("N") : OnnxDimension.Fixed(size);

    private abstract record GraphValue;

    /// <summary>An ONNX value; <see cref="Shape"/> is TensorFlow's (NHWC for 4-D, -1 for the batch) whatever the ONNX layout.</summary>
    private sealed record TensorValue(string Name, long[] Shape, bool Nchw) : GraphValue;

    private sealed record ShapeValue(long[] Dims) : GraphValue;

    private sealed record ShapeElementValue(int Axis, long Value) : GraphValue;

    private sealed record ReshapeTargetValue(long[] Dims) : GraphValue;

    private sealed record ConstantValue(long[] Values) : GraphValue;
}
