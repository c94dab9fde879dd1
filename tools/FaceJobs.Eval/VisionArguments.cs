using FaceJobs.Evaluation;

namespace FaceJobs.Eval;

/// <summary>
/// The vision options every command takes, as configuration keys for <see cref="Vision"/>:
/// <c>--detector BlazeFace|Ssd</c>, <c>--aligner Keypoints|Landmarks68|Landmarks5|Mesh</c>, <c>--mirror on|off</c>, <c>--jitters n</c>,
/// <c>--tiling on|off</c>, <c>--score s</c> and <c>--tile-score s</c> (of the chosen BlazeFace model),
/// <c>--magnification m</c>, <c>--tile-size px</c>, <c>--min-tile px</c>, <c>--calibration off</c> (raw boxes of both
/// BlazeFace models), <c>--set "Key=Value;Key=Value"</c> for any other setting; anything not given keeps the app's default.
/// </summary>
internal static class VisionArguments
{
    public static Vision Create(CommandLine arguments, bool? tiling = null)
    {
        var settings = new Dictionary<string, string?>();
        var detector = arguments.Text("--detector");
        var fullRange = string.Equals(detector, nameof(FaceJobs.Core.Faces.FaceDetectorKind.BlazeFaceFullRange), StringComparison.OrdinalIgnoreCase);
        Pick(settings, "Faces:Detector", detector);
        Pick(settings, "Faces:Aligner", arguments.Text("--aligner"));
        Pick(settings, "Faces:MirrorAveraging", OnOff(arguments.Text("--mirror")));
        Pick(settings, "Faces:Jitters", arguments.Text("--jitters"));
        Pick(settings, "Faces:Tiling:Enabled", tiling?.ToString() ?? OnOff(arguments.Text("--tiling")));
        Pick(settings, fullRange ? "Faces:FullRange:ScoreThreshold" : "Faces:ScoreThreshold", arguments.Text("--score"));
        Pick(settings, fullRange ? "Faces:FullRange:TileScoreThreshold" : "Faces:Tiling:ScoreThreshold", arguments.Text("--tile-score"));
        Pick(settings, "Faces:Tiling:Magnification", arguments.Text("--magnification"));
        Pick(settings, "Faces:Tiling:TileSize", arguments.Text("--tile-size"));
        Pick(settings, "Faces:Tiling:MinTileSize", arguments.Text("--min-tile"));
        // Any other settings, "--set Key=Value;Key=Value".
        foreach (var pair in (arguments.Text("--set") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            settings[pair.Split('=', 2)[0]] = pair.Split('=', 2)[1];
        if (OnOff(arguments.Text("--calibration")) == "false")
        {
            foreach (var section in new[] { "Faces:BoxCalibration", "Faces:FullRange:BoxCalibration" })
            {
                settings[$"{section}:CentreShiftX"] = "0";
                settings[$"{section}:CentreShiftY"] = "0";
                settings[$"{section}:WidthScale"] = "1";
                settings[$"{section}:HeightScale"] = "1";
            }
        }

        return new Vision(settings);
    }

    private static void Pick(Dictionary<string, string?> settings, string key, string? value)
    {
        if (value is not null)
            settings[key] = value;
    }

    private static string? OnOff(string? value) => value switch
    {
        null => null,
        "on" or "true" => "true",
        "off" or "false" => "false",
        _ => throw new ArgumentException($"Expected on or off, got '{value}'."),
    };
}
