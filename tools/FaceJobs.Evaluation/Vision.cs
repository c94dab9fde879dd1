using FaceJobs.Core.Faces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceJobs.Evaluation;

/// <summary>
/// The production vision services, registered exactly as the app registers them (<c>AddFaceJobsVision</c>), with the
/// defaults of <see cref="FaceOptions"/> unless <c>settings</c> (configuration keys such as <c>Faces:Detector</c>)
/// say otherwise. Model files are found as the app finds them.
/// </summary>
public sealed class Vision : IDisposable
{
    private readonly ServiceProvider _services;

    public Vision(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection().AddFaceJobsVision(configuration).BuildServiceProvider(validateScopes: true);
        Options = _services.GetRequiredService<IOptions<FaceOptions>>().Value;
    }

    public FaceOptions Options { get; }

    /// <summary>Any vision service as the app registers it (the single models behind the ensemble, for instance).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IFaceDetector Detector => _services.GetRequiredService<IFaceDetector>();

    public IFaceAligner Aligner => _services.GetRequiredService<IFaceAligner>();

    /// <summary>The embedder as configured (mirror averaging on or off).</summary>
    public IFaceEmbedder Embedder => _services.GetRequiredService<IFaceEmbedder>();

    /// <summary>The recognizer network alone, without mirror averaging, to compare both from one set of models.</summary>
    public OnnxFaceEmbedder Recognizer => _services.GetRequiredService<OnnxFaceEmbedder>();

    public string Describe() =>
        $"{DescribeDetector()}, aligner {Options.Aligner}, mirror averaging {(Options.MirrorAveraging ? "on" : "off")}, " +
        $"{Options.Jitters} jitters";

    /// <summary>The detector and the settings it finds faces with.</summary>
    public string DescribeDetector() => $"detector {Options.Detector}{DescribeThresholds()}, max side {Options.MaxDetectionSide}, " +
        $"zoom out {Options.ZoomOutWhenNoFace:0.##} when no face";

    private string DescribeThresholds()
    {
        if (Options.Detector == FaceDetectorKind.BlazeFaceEnsemble)
        {
            var e = Options.Ensemble;
            return $" (back score {e.BackScoreThreshold:0.##} / tile {e.BackTileScoreThreshold:0.##} / alone {e.BackAloneScoreThreshold:0.##}, " +
                $"full range {e.FullRangeScoreThreshold:0.##} / {e.FullRangeTileScoreThreshold:0.##} / {e.FullRangeAloneScoreThreshold:0.##}, pair IoU {e.PairIoU:0.##}, pair score {e.PairScoreThreshold:0.##}), " +
                $"box calibration {Describe(Options.BoxCalibration)} / {Describe(Options.FullRange.BoxCalibration)}, tiling " +
                (Options.Tiling.Enabled ? $"on (magnification {Options.Tiling.Magnification:0.##})" : "off");
        }

        var (score, tileScore) = Options.Detector switch
        {
            FaceDetectorKind.BlazeFace => (Options.ScoreThreshold, Options.Tiling.ScoreThreshold),
            FaceDetectorKind.BlazeFaceFullRange => (Options.FullRange.ScoreThreshold, Options.FullRange.TileScoreThreshold),
            _ => (float.NaN, float.NaN),
        };
        if (float.IsNaN(score))
            return "";

        var tiling = Options.Tiling;
        var calibration = Options.Detector == FaceDetectorKind.BlazeFace ? Options.BoxCalibration : Options.FullRange.BoxCalibration;
        return $" (score {score:0.##}), box calibration {Describe(calibration)}, tiling " + (tiling.Enabled
            ? $"on (tile score {tileScore:0.##}, tiles from {tiling.TileSize} px, magnification {tiling.Magnification:0.##}, min {tiling.MinTileSize} px)"
            : "off");
    }

    private static string Describe(FaceBoxCalibration c) =>
        $"centre {c.CentreShiftX:+0.###;-0.###;0},{c.CentreShiftY:+0.###;-0.###;0} size ×{c.WidthScale:0.###},×{c.HeightScale:0.###}";

    public void Dispose() => _services.Dispose();
}
