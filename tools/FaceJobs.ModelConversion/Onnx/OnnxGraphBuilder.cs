using System.Runtime.InteropServices;

namespace FaceJobs.ModelConversion.Onnx;

/// <summary>
/// Collects nodes, initializers, inputs and outputs in insertion order and names generated values
/// from a counter, so building the same network twice yields an identical graph.
/// </summary>
internal sealed class OnnxGraphBuilder(string graphName)
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly HashSet<string> _names = [];
    private int _nodeCounter;

    public string AddInput(string name, OnnxDataType elementType, params OnnxDimension[] shape)
    {
        Reserve(name);
        _inputs.Add(new OnnxValueInfo(name, elementType, shape));
        return name;
    }

    /// <summary>Declares <paramref name="value"/> as a graph output under its own name.</summary>
    public void AddOutput(string value, OnnxDataType elementType, params OnnxDimension[] shape) =>
        _outputs.Add(new OnnxValueInfo(value, elementType, shape));

    public string AddInitializer(string name, OnnxDataType dataType, IReadOnlyList<long> dims, byte[] rawData)
    {
        Reserve(name);
        _initializers.Add(new OnnxTensor(name, dataType, dims, rawData));
        return name;
    }

    public string AddFloats(string name, IReadOnlyList<long> dims, params float[] values) =>
        AddInitializer(name, OnnxDataType.Float, dims, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public string AddInt64s(string name, params long[] values) =>
        AddInitializer(name, OnnxDataType.Int64, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public string AddScalar(string name, float value) => AddFloats(name, [], value);

    /// <summary>Adds a single-output node; the output is named <paramref name="outputName"/> or generated.</summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<OnnxAttribute>? attributes = null, string? outputName = null)
    {
        var nodeName = $"{opType}_{_nodeCounter++}";
        var output = outputName ?? nodeName;
        Reserve(output);
        _nodes.Add(new OnnxNode(nodeName, opType, inputs, [output], attributes ?? []));
        return output;
    }

    public OnnxModel Build(long opsetVersion, string producerName, string producerVersion, string docString)
    {
        if (_inputs.Count == 0 || _outputs.Count == 0)
        {
            throw new InvalidOperationException("A graph needs at least one input and one output.");
        }

        var graph = new OnnxGraph(graphName, [.. _nodes], [.. _initializers], [.. _inputs], [.. _outputs]);
        return new OnnxModel(IrVersion: 8, opsetVersion, producerName, producerVersion, docString, graph);
    }

    private void Reserve(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The value name '{name}' is used twice in graph '{graphName}'.");
        }
    }
}
