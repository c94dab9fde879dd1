using System.Text.Json;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// TestData/full-range-reference.json, written by tools/models/reference-full-range.mjs: tfjs' own run of the
/// full-range graph model on the 192 px PNGs in TestData/full-range (every score logit, the regressors of the 32 best anchors).
/// </summary>
public sealed record FullRangeReference(string Runtime, IReadOnlyList<FullRangeReference.ReferenceImage> Images)
{
    public static FullRangeReference Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.TestData, "full-range-reference.json")));
        var root = json.RootElement;
        var images = root.GetProperty("images").EnumerateArray().Select(image => new ReferenceImage(
            image.GetProperty("file").GetString()!,
            image.GetProperty("scores").EnumerateArray().Select(v => v.GetSingle()).ToArray(),
            image.GetProperty("regressors").EnumerateArray()
                .Select(r => (r.GetProperty("anchor").GetInt32(), r.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray()))
                .ToArray())).ToList();
        return new FullRangeReference(root.GetProperty("runtime").GetString()!, images);
    }

    public sealed record ReferenceImage(string File, float[] Scores, (int Anchor, float[] Values)[] Regressors)
    {
        public string FullPath => Path.Combine(TestPaths.TestData, File);
    }
}
