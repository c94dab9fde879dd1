using Xunit;
using FaceJobs.Core.Faces;

namespace FaceJobs.Tests.Fixtures;

/// <summary>The real ONNX models, loaded once per test class.</summary>
public sealed class VisionFixture : IDisposable
{
    public VisionFixture()
    {
        // Tiling off so Detect(image) is the plain detector; tests that want tiles ask for them per call.
        var options = new FaceOptions { Tiling = { Enabled = false } };
        Detector = new BlazeFaceDetector(Path.Combine(TestPaths.Models, "blazeface_back_256.onnx"), options);
        var recognizer = Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx");
        Embedder = File.Exists(recognizer) ? new OnnxFaceEmbedder(recognizer, options.IntraOpThreads) : null;
    }

    public BlazeFaceDetector Detector { get; }

    /// <summary>Null when models/dlib_resnet_face_descriptor.onnx is not present (tests needing it skip).</summary>
    public OnnxFaceEmbedder? Embedder { get; }

    public SimilarityFaceAligner Aligner { get; } = new();

    public void Dispose()
    {
        Detector.Dispose();
        Embedder?.Dispose();
    }
}
