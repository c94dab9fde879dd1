using FaceJobs.Evaluation;

namespace FaceJobs.Eval;

/// <summary>
/// The vision options every command takes, as configuration keys for <see cref="Vision"/>:
/// <c>--detector BlazeFace|Ssd</c>, <c>--aligner Keypoints|Landmarks68</c>, <c>--mirror on|off</c>,
/// <c>--tiling on|off</c>, <c>--score s</c>; anything not given keeps the app's default.
/// </summary>
internal static class VisionArguments
{
    public static Vision Create(CommandLine arguments, bool? tiling = null)
    {
        var settings = new Dictionary<string, string?>();
        Pick(settings, "Faces:Detector", arguments.Text("--detector"));
        Pick(settings, "Faces:Aligner", arguments.Text("--aligner"));
        Pick(settings, "Faces:MirrorAveraging", OnOff(arguments.Text("--mirror")));
        Pick(settings, "Faces:Tiling:Enabled", tiling?.ToString() ?? OnOff(arguments.Text("--tiling")));
        Pick(settings, "Faces:ScoreThreshold", arguments.Text("--score"));
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
