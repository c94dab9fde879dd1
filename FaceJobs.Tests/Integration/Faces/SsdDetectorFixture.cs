using FaceJobs.Core.Faces.Ssd;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>The committed SSD ONNX behind the real detector, loaded once per test class.</summary>
public sealed class SsdDetectorFixture : IDisposable
{
    public SsdMobileNetDetector Detector { get; } = new(new SsdDetectorOptions
    {
        ModelPath = Path.Combine(TestPaths.Models, "ssd_mobilenetv1_face_detector.onnx"),
        IntraOpThreads = 2,
    });

    public void Dispose() => Detector.Dispose();
}
