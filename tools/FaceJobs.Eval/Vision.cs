using FaceJobs.Core.Faces;

namespace FaceJobs.Eval;

/// <summary>The production pipeline parts, built from the default <see cref="FaceOptions"/> and the repository's models/.</summary>
internal sealed class Vision : IDisposable
{
    public Vision(bool tiling, float? scoreThreshold = null)
    {
        Options = new FaceOptions();
        Options.Tiling.Enabled = tiling;
        Options.ScoreThreshold = scoreThreshold ?? Options.ScoreThreshold;
        var resolver = new ModelPathResolver();
        Detector = new BlazeFaceDetector(resolver.Resolve(Options.DetectorModelPath), Options);
        var recognizer = resolver.Resolve(Options.RecognizerModelPath);
        Embedder = File.Exists(recognizer) ? new OnnxFaceEmbedder(recognizer, Options.IntraOpThreads) : null;
    }

    public FaceOptions Options { get; }

    public BlazeFaceDetector Detector { get; }

    public OnnxFaceEmbedder? Embedder { get; }

    public SimilarityFaceAligner Aligner { get; } = new();

    public void Dispose()
    {
        Detector.Dispose();
        Embedder?.Dispose();
    }
}
