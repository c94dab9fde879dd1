using FaceJobs.Core.Faces;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Benchmarks;

/// <summary>
/// ONNX Runtime session options side by side on the app's two models: graph optimisation level, CPU memory arena and
/// memory pattern, intra-op threads. One detection (whole image, no tiling) and one mirror-averaged embedding (a batch
/// of two chips) per run, as the jobs do.
/// </summary>
internal static class SessionBenchmark
{
    public static List<string> Run(ModelPathResolver resolver, Image<Rgb24> image, Image<Rgb24> chip, StageTimer timer)
    {
        var variants = new List<OnnxSessionSettings>();
        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var level in new[] { GraphOptimizationLevel.ORT_ENABLE_BASIC, GraphOptimizationLevel.ORT_ENABLE_EXTENDED, GraphOptimizationLevel.ORT_ENABLE_ALL })
                variants.Add(new OnnxSessionSettings(threads) { GraphOptimization = level });
            variants.Add(new OnnxSessionSettings(threads) { MemoryArena = false });
            variants.Add(new OnnxSessionSettings(threads) { MemoryPattern = false });
        }

        var faceOptions = new FaceOptions();
        var rows = new List<string>();
        var batch = new[] { chip, chip };
        foreach (var settings in variants)
        {
            using var detector = new BlazeFaceDetector(resolver.Resolve(faceOptions.DetectorModelPath), faceOptions, settings);
            using var embedder = new OnnxFaceEmbedder(resolver.Resolve(faceOptions.RecognizerModelPath), settings);
            var detect = timer.Time(40, () => detector.Detect(image, tiling: null));
            var embed = timer.Time(40, () => embedder.Embed(batch));
            var row = $"| {settings.Describe()} | {detect.Median:F2} | {embed.Median:F2} |";
            Console.WriteLine(row);
            rows.Add(row);
        }

        return rows;
    }
}
