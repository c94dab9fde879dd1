using FaceJobs.Core.Faces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceJobs.Eval;

/// <summary>
/// The production vision services, registered exactly as the app registers them (<c>AddFaceJobsVision</c>), with the
/// defaults of <see cref="FaceOptions"/> unless the command line picks otherwise:
/// <c>--detector BlazeFace|Ssd</c>, <c>--aligner Keypoints|Landmarks68</c>, <c>--mirror on|off</c>, <c>--tiling on|off</c>.
/// </summary>
internal sealed class Vision : IDisposable
{
    private readonly ServiceProvider _services;

    public Vision(CommandLine arguments, bool? tiling = null)
    {
        var settings = new Dictionary<string, string?>();
        Pick(settings, "Faces:Detector", arguments.Text("--detector"));
        Pick(settings, "Faces:Aligner", arguments.Text("--aligner"));
        Pick(settings, "Faces:MirrorAveraging", OnOff(arguments.Text("--mirror")));
        Pick(settings, "Faces:Tiling:Enabled", tiling?.ToString() ?? OnOff(arguments.Text("--tiling")));
        Pick(settings, "Faces:ScoreThreshold", arguments.Text("--score"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddFaceJobsVision(configuration).BuildServiceProvider(validateScopes: true);
        Options = _services.GetRequiredService<IOptions<FaceOptions>>().Value;
    }

    public FaceOptions Options { get; }

    public IFaceDetector Detector => _services.GetRequiredService<IFaceDetector>();

    public IFaceAligner Aligner => _services.GetRequiredService<IFaceAligner>();

    public IFaceEmbedder Embedder => _services.GetRequiredService<IFaceEmbedder>();

    public string Describe() =>
        $"detector {Options.Detector}{(Options.Detector == FaceDetectorKind.BlazeFace ? $", tiling {(Options.Tiling.Enabled ? "on" : "off")}" : "")}, " +
        $"aligner {Options.Aligner}, mirror averaging {(Options.MirrorAveraging ? "on" : "off")}";

    public void Dispose() => _services.Dispose();

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
