using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;

namespace FaceJobs.Eval;

/// <summary>The detector set-ups compared side by side, each built as the app builds it (<see cref="Vision"/>).</summary>
internal static class DetectorConfigurations
{
    public const string SsdWholePhoto = "SSD, whole photo";

    public static List<(string Name, Vision Vision)> Create()
    {
        var tileSize = new FaceOptions().Tiling.TileSize;
        return
        [
            ("BlazeFace, whole photo", new Vision(new Dictionary<string, string?> { ["Faces:Tiling:Enabled"] = "false" })),
            ($"BlazeFace + default tiling ({tileSize} px pyramid)", new Vision()),
            (SsdWholePhoto, new Vision(new Dictionary<string, string?> { ["Faces:Detector"] = "Ssd" })),
            ("SSD + tiles 1024/512", Ssd(1024, 512)),
            ("SSD + tiles 1024/512/256", Ssd(1024, 512, 256)),
        ];
    }

    private static Vision Ssd(params int[] tiles)
    {
        var settings = new Dictionary<string, string?> { ["Faces:Detector"] = "Ssd" };
        for (var i = 0; i < tiles.Length; i++)
            settings[$"Faces:Ssd:TileSizes:{i}"] = tiles[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Vision(settings);
    }
}
