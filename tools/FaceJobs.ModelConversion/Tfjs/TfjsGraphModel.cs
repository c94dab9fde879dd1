using System.Text;
using System.Text.Json;

namespace FaceJobs.ModelConversion.Tfjs;

/// <summary>
/// A tfjs graph model (<c>model.json</c> with <c>"format": "graph-model"</c>): the TensorFlow GraphDef's nodes as
/// tfjs-converter writes them, and the weights of its own <c>weightsManifest</c>. Const nodes carry no value in the
/// topology; their values are the manifest weights of the same name.
/// </summary>
internal sealed class TfjsGraphModel
{
    private readonly Dictionary<string, TfjsNode> _byName;

    private TfjsGraphModel(IReadOnlyList<TfjsNode> nodes, TfjsWeights weights, string generatedBy, string convertedBy)
    {
        Nodes = nodes;
        Weights = weights;
        GeneratedBy = generatedBy;
        ConvertedBy = convertedBy;
        _byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TfjsNode> Nodes { get; }

    public TfjsWeights Weights { get; }

    public string GeneratedBy { get; }

    public string ConvertedBy { get; }

    public TfjsNode this[string name] =>
        _byName.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"The tfjs graph has no node named '{name}'.");

    public static TfjsGraphModel Load(string modelJsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        var root = json.RootElement;
        if (root.GetProperty("format").GetString() != "graph-model")
        {
            throw new InvalidDataException($"{modelJsonPath} is not a tfjs graph model.");
        }

        var nodes = root.GetProperty("modelTopology").GetProperty("node").EnumerateArray().Select(ReadNode).ToList();
        var weights = TfjsWeights.FromManifest(root.GetProperty("weightsManifest"), Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!, modelJsonPath);
        return new TfjsGraphModel(
            nodes,
            weights,
            root.TryGetProperty("generatedBy", out var generated) ? generated.GetString() ?? "" : "",
            root.TryGetProperty("convertedBy", out var converted) ? converted.GetString() ?? "" : "");
    }

    /// <summary>How many nodes read each node's output (control inputs, "^name", left out).</summary>
    public Dictionary<string, int> ConsumerCounts()
    {
        var counts = Nodes.ToDictionary(n => n.Name, _ => 0, StringComparer.Ordinal);
        foreach (var input in Nodes.SelectMany(n => n.Inputs))
        {
            counts[input]++;
        }

        return counts;
    }

    /// <summary>Every node that <paramref name="output"/> depends on, itself included.</summary>
    public HashSet<string> Ancestors(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([output]);
        while (pending.TryPop(out var name))
        {
            if (seen.Add(name))
            {
                foreach (var input in this[name].Inputs)
                {
                    pending.Push(input);
                }
            }
        }

        return seen;
    }

    private static TfjsNode ReadNode(JsonElement node)
    {
        var inputs = node.TryGetProperty("input", out var list)
            ? list.EnumerateArray().Select(i => i.GetString()!).ToArray()
            : [];
        if (inputs.Any(i => i.StartsWith('^') || i.Contains(':', StringComparison.Ordinal)))
        {
            throw new NotSupportedException($"Node '{node.GetProperty("name").GetString()}': control inputs and second outputs are not supported.");
        }

        var attributes = node.TryGetProperty("attr", out var attr)
            ? attr.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.Clone(), StringComparer.Ordinal)
            : [];
        return new TfjsNode(node.GetProperty("name").GetString()!, node.GetProperty("op").GetString()!, inputs, attributes);
    }
}

/// <summary>One GraphDef node. Attribute values keep tfjs' JSON form (<c>{"i": "2"}</c>, <c>{"s": base64}</c>, <c>{"list": …}</c>).</summary>
internal sealed record TfjsNode(string Name, string Op, IReadOnlyList<string> Inputs, IReadOnlyDictionary<string, JsonElement> Attributes)
{
    public bool Has(string attribute) => Attributes.ContainsKey(attribute);

    public long Int(string attribute) => long.Parse(Attribute(attribute).GetProperty("i").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public bool Bool(string attribute) => Attributes.TryGetValue(attribute, out var value) && value.GetProperty("b").GetBoolean();

    public string String(string attribute) => Encoding.UTF8.GetString(Convert.FromBase64String(Attribute(attribute).GetProperty("s").GetString()!));

    public long[] Ints(string attribute) =>
        Attribute(attribute).GetProperty("list").TryGetProperty("i", out var values)
            ? values.EnumerateArray().Select(v => long.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [];

    public string[] Strings(string attribute) =>
        Attribute(attribute).GetProperty("list").TryGetProperty("s", out var values)
            ? values.EnumerateArray().Select(v => Encoding.UTF8.GetString(Convert.FromBase64String(v.GetString()!))).ToArray()
            : [];

    private JsonElement Attribute(string attribute) =>
        Attributes.TryGetValue(attribute, out var value) ? value : throw new InvalidDataException($"Node '{Name}' ({Op}) has no attribute '{attribute}'.");
}
