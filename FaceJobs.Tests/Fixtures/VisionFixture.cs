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
        Embedder = new OnnxFaceEmbedder(Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx"), options.IntraOpThreads);
    }

    public BlazeFaceDetector Detector { get; }

    public OnnxFaceEmbedder Embedder { get; }

    public SimilarityFaceAligner Aligner { get; } = new();

    public void Dispose()
    {
        Detector.Dispose();
        Embedder.Dispose();
    }
}
