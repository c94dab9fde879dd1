namespace FaceJobs.ModelConversion.Tfjs;

/// <summary>How a tfjs weight is stored: value = stored * Scale + Min (see tfjs-core io_utils.decodeWeights).</summary>
internal sealed record TfjsQuantization(string StoredType, double Scale, double Min);

/// <summary>One weight from a tfjs manifest, still in its stored form (<see cref="StoredBytes"/>).</summary>
internal sealed record TfjsTensor(string Name, IReadOnlyList<int> Shape, string DataType, TfjsQuantization? Quantization, byte[] StoredBytes)
{
    public long ElementCount => Shape.Aggregate(1L, (count, dim) => count * dim);
}
