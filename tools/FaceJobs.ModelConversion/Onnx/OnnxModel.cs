namespace FaceJobs.ModelConversion.Onnx;

/// <summary>ONNX TensorProto.DataType values used by the converters.</summary>
internal enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}

/// <summary>A dimension that is either fixed (<see cref="Value"/>) or symbolic (<see cref="Parameter"/>).</summary>
internal sealed record OnnxDimension(long? Value, string? Parameter)
{
    public static OnnxDimension Fixed(long value) => new(value, null);

    public static OnnxDimension Symbolic(string parameter) => new(null, parameter);
}

internal sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDimension> Shape);

/// <summary>An initializer; <see cref="RawData"/> is little-endian, row-major.</summary>
internal sealed record OnnxTensor(string Name, OnnxDataType DataType, IReadOnlyList<long> Dims, byte[] RawData);

internal enum OnnxAttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Ints = 7,
}

internal sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind, float FloatValue, long IntValue, string? StringValue, IReadOnlyList<long>? IntsValue)
{
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeKind.Float, value, 0, null, null);

    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int, 0, value, null, null);

    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeKind.String, 0, 0, value, null);

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, OnnxAttributeKind.Ints, 0, 0, null, values);
}

internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes);

internal sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

internal sealed record OnnxModel(long IrVersion, long OpsetVersion, string ProducerName, string ProducerVersion, string DocString, OnnxGraph Graph);
