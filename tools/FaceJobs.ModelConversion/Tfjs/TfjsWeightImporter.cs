using System.Runtime.InteropServices;
using FaceJobs.ModelConversion.Onnx;

namespace FaceJobs.ModelConversion.Tfjs;

/// <summary>
/// Puts tfjs weights into an ONNX graph as float values. Quantized weights stay quantized in the file
/// (small initializer) and are expanded in the graph as Cast × scale + min, which ONNX Runtime folds at
/// load. DequantizeLinear does not fit: tfjs' min/scale zero points are not integers.
/// </summary>
internal sealed class TfjsWeightImporter(OnnxGraphBuilder graph, TfjsWeights weights)
{
    /// <summary>tfjs conv2d filters are [H, W, In, Out]; ONNX Conv wants [Out, In, H, W].</summary>
    public static readonly int[] HwioToOihw = [3, 2, 0, 1];

    /// <summary>tfjs depthwise filters are [H, W, C, 1]; ONNX grouped Conv wants [C, 1, H, W].</summary>
    public static readonly int[] DepthwiseHwcmToCmhw = [2, 3, 0, 1];

    private readonly HashSet<string> _imported = [];

    /// <summary>The weights imported or read so far.</summary>
    public IReadOnlySet<string> Imported => _imported;

    /// <summary>
    /// Adds weight <paramref name="name"/>, optionally transposed by <paramref name="permutation"/>
    /// and given the shape <paramref name="dims"/> (same element count), and returns the float value's name.
    /// </summary>
    public string Import(string name, int[]? permutation = null, long[]? dims = null)
    {
        var tensor = weights[name];
        if (!_imported.Add(name))
        {
            throw new InvalidOperationException($"Weight '{name}' was imported twice.");
        }

        var shape = tensor.Shape.ToArray();
        var stored = tensor.StoredBytes;
        var elementSize = TfjsWeights.BytesPerElement(tensor.Quantization?.StoredType ?? tensor.DataType);
        if (permutation is not null)
        {
            stored = TensorLayout.Transpose(stored, elementSize, shape, permutation);
            shape = permutation.Select(axis => shape[axis]).ToArray();
        }

        var targetDims = dims ?? shape.Select(dim => (long)dim).ToArray();
        if (targetDims.Aggregate(1L, (count, dim) => count * dim) != tensor.ElementCount)
        {
            throw new ArgumentException($"Shape [{string.Join(',', targetDims)}] does not fit weight '{name}' [{string.Join(',', tensor.Shape)}].");
        }

        return tensor switch
        {
            { Quantization: null, DataType: "float32" } => graph.AddInitializer(name, OnnxDataType.Float, targetDims, stored),
            { Quantization.StoredType: "uint8", DataType: "float32" } => AddDequantized(tensor, targetDims, stored),
            { Quantization.StoredType: "float16", DataType: "float32" } => AddWidened(tensor, targetDims, stored),
            _ => throw new NotSupportedException(
                $"Weight '{name}': dtype {tensor.DataType} stored as {tensor.Quantization?.StoredType ?? tensor.DataType} is not supported yet."),
        };
    }

    /// <summary>
    /// Decodes weight <paramref name="name"/> to its values (int32 weights rounded to whole numbers) and
    /// counts it as used. For the TF graph constants in a manifest (shapes, axes, counts) that the
    /// converter checks against the graph it builds instead of putting them in the file.
    /// </summary>
    public double[] ReadValues(string name)
    {
        var tensor = weights[name];
        if (!_imported.Add(name))
        {
            throw new InvalidOperationException($"Weight '{name}' was imported twice.");
        }

        var values = tensor switch
        {
            { Quantization: null, DataType: "float32" } => MemoryMarshal.Cast<byte, float>(tensor.StoredBytes).ToArray().Select(v => (double)v),
            { Quantization: null, DataType: "int32" } => MemoryMarshal.Cast<byte, int>(tensor.StoredBytes).ToArray().Select(v => (double)v),
            { Quantization.StoredType: "uint8" } => tensor.StoredBytes.Select(b => (b * tensor.Quantization.Scale) + tensor.Quantization.Min),
            { Quantization.StoredType: "float16" } => MemoryMarshal.Cast<byte, Half>(tensor.StoredBytes).ToArray().Select(v => (double)v),
            _ => throw new NotSupportedException($"Weight '{name}': {tensor.DataType} stored as {tensor.Quantization?.StoredType} cannot be read."),
        };
        return tensor.DataType == "int32" ? values.Select(v => Math.Round(v)).ToArray() : values.ToArray();
    }

    /// <summary>Fails when the network left a manifest weight unused: a sign the architecture is wrong.</summary>
    public void EnsureAllImported()
    {
        var unused = weights.Tensors.Select(t => t.Name).Where(n => !_imported.Contains(n)).ToArray();
        if (unused.Length > 0)
        {
            throw new InvalidOperationException($"Weights not used by the graph: {string.Join(", ", unused)}");
        }
    }

    /// <summary>Half-precision weights stay half in the file (half the size) and are cast to float in the graph.</summary>
    private string AddWidened(TfjsTensor tensor, long[] dims, byte[] stored)
    {
        var half = graph.AddInitializer($"{tensor.Name}/float16", OnnxDataType.Float16, dims, stored);
        return graph.AddNode("Cast", [half], [OnnxAttribute.Int("to", (long)OnnxDataType.Float)], outputName: tensor.Name);
    }

    private string AddDequantized(TfjsTensor tensor, long[] dims, byte[] stored)
    {
        var quantization = tensor.Quantization!;
        var quantized = graph.AddInitializer($"{tensor.Name}/quantized", OnnxDataType.UInt8, dims, stored);
        var scale = graph.AddScalar($"{tensor.Name}/quantization_scale", (float)quantization.Scale);
        var min = graph.AddScalar($"{tensor.Name}/quantization_min", (float)quantization.Min);
        var asFloat = graph.AddNode("Cast", [quantized], [OnnxAttribute.Int("to", (long)OnnxDataType.Float)]);
        var scaled = graph.AddNode("Mul", [asFloat, scale]);
        return graph.AddNode("Add", [scaled, min], outputName: tensor.Name);
    }
}
