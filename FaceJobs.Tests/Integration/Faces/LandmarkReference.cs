using System.Text.Json;
using System.Text.Json.Serialization;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>TestData/landmarks-reference.json, written by tools/models/reference-detections.mjs.</summary>
internal sealed record LandmarkReference(
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("faces")] IReadOnlyList<LandmarkReferenceFace> Faces)
{
    public static LandmarkReference Load() =>
        JsonSerializer.Deserialize<LandmarkReference>(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "landmarks-reference.json")))
        ?? throw new InvalidDataException("landmarks-reference.json is empty.");
}

internal sealed record LandmarkReferenceFace(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("face")] int Face,
    [property: JsonPropertyName("crop")] LandmarkReferenceCrop Crop,
    [property: JsonPropertyName("raw")] float[] Raw,
    [property: JsonPropertyName("points")] float[][] Points)
{
    public string FullPath => Path.Combine(TestPaths.TestData, File);

    public string Key => $"{File}#{Face}";
}

internal sealed record LandmarkReferenceCrop(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);
