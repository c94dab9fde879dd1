using System.Text.Json;

namespace FaceJobs.ModelConversion.Tfjs;

/// <summary>
/// Reads a tfjs weights manifest (<c>&lt;model&gt;-weights_manifest.json</c>) and the binary shards it names.
/// Weights lie back to back in each group's concatenated shards, in manifest order.
/// </summary>
internal sealed class TfjsWeights
{
    private readonly Dictionary<string, TfjsTensor> _byName;

    private TfjsWeights(IReadOnlyList<TfjsTensor> tensors)
    {
        Tensors = tensors;
        _byName = tensors.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
    }

    /// <summary>All weights in manifest order.</summary>
    public IReadOnlyList<TfjsTensor> Tensors { get; }

    public TfjsTensor this[string name] =>
        _byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"The tfjs manifest has no weight named '{name}'.");

    public static TfjsWeights Load(string modelDirectory, string modelName)
    {
        var manifestPath = Path.Combine(modelDirectory, $"{modelName}-weights_manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"tfjs weights manifest not found: {manifestPath}", manifestPath);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        return FromManifest(manifest.RootElement, modelDirectory, manifestPath);
    }

    /// <summary>Reads the weights a tfjs graph model (<c>model.json</c> with its own <c>weightsManifest</c>) names.</summary>
    public static TfjsWeights FromManifest(JsonElement manifest, string modelDirectory, string describedAs)
    {
        var tensors = new List<TfjsTensor>();
        foreach (var group in manifest.EnumerateArray())
        {
            var shards = group.GetProperty("paths").EnumerateArray()
                .SelectMany(path => File.ReadAllBytes(Path.Combine(modelDirectory, path.GetString()!)))
                .ToArray();
            var offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var tensor = ReadTensor(weight, shards, ref offset);
                tensors.Add(tensor);
            }

            if (offset != shards.Length)
            {
                throw new InvalidDataException($"{describedAs}: the weights use {offset} bytes but the shards hold {shards.Length}.");
            }
        }

        return new TfjsWeights(tensors);
    }

    private static TfjsTensor ReadTensor(JsonElement weight, byte[] shards, ref int offset)
    {
        var name = weight.GetProperty("name").GetString()!;
        var shape = weight.GetProperty("shape").EnumerateArray().Select(dim => dim.GetInt32()).ToArray();
        var dataType = weight.GetProperty("dtype").GetString()!;
        TfjsQuantization? quantization = null;
        if (weight.TryGetProperty("quantization", out var q))
        {
            // float16 "quantization" is a plain half-precision copy, without scale or min.
            var storedType = q.GetProperty("dtype").GetString()!;
            quantization = storedType == "float16"
                ? new TfjsQuantization(storedType, 1, 0)
                : new TfjsQuantization(storedType, q.GetProperty("scale").GetDouble(), q.GetProperty("min").GetDouble());
        }

        var elementSize = BytesPerElement(quantization?.StoredType ?? dataType);
        var elementCount = shape.Aggregate(1, (count, dim) => count * dim);
        var byteCount = elementCount * elementSize;
        if (offset + byteCount > shards.Length)
        {
            throw new InvalidDataException($"Weight '{name}' runs past the end of its shards.");
        }

        var bytes = shards.AsSpan(offset, byteCount).ToArray();
        offset += byteCount;
        return new TfjsTensor(name, shape, dataType, quantization, bytes);
    }

    internal static int BytesPerElement(string storedType) => storedType switch
    {
        "uint8" => 1,
        "uint16" or "float16" => 2,
        "float32" or "int32" => 4,
        _ => throw new NotSupportedException($"tfjs weight type '{storedType}' is not supported."),
    };
}
