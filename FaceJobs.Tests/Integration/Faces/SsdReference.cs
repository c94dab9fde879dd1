using System.Text.Json;
using System.Text.Json.Serialization;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>TestData/ssd-reference.json, written by tools/models/reference-detections.mjs.</summary>
internal sealed record SsdReference(
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("photos")] IReadOnlyList<SsdReferencePhoto> Photos)
{
    public static SsdReference Load() =>
        JsonSerializer.Deserialize<SsdReference>(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "ssd-reference.json")))
        ?? throw new InvalidDataException("ssd-reference.json is empty.");
}

internal sealed record SsdReferencePhoto(
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("detections")] IReadOnlyList<SsdReferenceDetection> Detections,
    [property: JsonPropertyName("raw")] SsdReferenceRaw? Raw)
{
    public string FullPath => Path.Combine(Root == "faces" ? TestPaths.Faces : TestPaths.TestData, File);
}

internal sealed record SsdReferenceDetection(
    [property: JsonPropertyName("score")] float Score,
    [property: JsonPropertyName("x")] float X,
    [property: JsonPropertyName("y")] float Y,
    [property: JsonPropertyName("width")] float Width,
    [property: JsonPropertyName("height")] float Height);

/// <summary>face-api's decoded boxes (ymin, xmin, ymax, xmax per anchor) and face scores.</summary>
internal sealed record SsdReferenceRaw(
    [property: JsonPropertyName("boxes")] float[] Boxes,
    [property: JsonPropertyName("scores")] float[] Scores);
