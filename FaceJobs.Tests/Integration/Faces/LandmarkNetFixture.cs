using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The committed 68-point landmark ONNX, loaded once per test class, one pass a face as face-api runs it (the mirror
/// pass has its own tests).
/// </summary>
public sealed class LandmarkNetFixture : IDisposable
{
    public LandmarkOptions Options { get; } = new() { ModelPath = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"), MirrorPass = false };

    public FaceLandmark68Net Net { get; }

    public LandmarkNetFixture() => Net = new FaceLandmark68Net(Options);

    public void Dispose() => Net.Dispose();
}
