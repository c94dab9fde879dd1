using System.Text.Json;
using System.Text.Json.Serialization;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>TestData/recognizer-reference.json, written by tools/models/reference-descriptors.mjs.</summary>
internal sealed record RecognizerReference(
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("chips")] IReadOnlyList<RecognizerReferenceChip> Chips)
{
    public static RecognizerReference Load() =>
        JsonSerializer.Deserialize<RecognizerReference>(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "recognizer-reference.json")))
        ?? throw new InvalidDataException("recognizer-reference.json is empty.");
}

internal sealed record RecognizerReferenceChip(
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("identity")] string? Identity,
    [property: JsonPropertyName("descriptor")] float[] Descriptor)
{
    public string FullPath => Path.Combine(Root == "faces" ? TestPaths.Faces : TestPaths.TestData, File);
}
