using FaceJobs.Core.Faces.Alignment;
using FaceJobs.Core.Faces.Landmarks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Mesh;

/// <summary>
/// Aligns a face as <see cref="LandmarkFaceAligner"/> does, dlib's similarity fit of 68-point landmarks to its mean
/// face, with the 68 points taken from MediaPipe's 468-point mesh instead of face-api's landmark net. The mesh looks
/// inside the detector's raw box (a calibrated box is mapped back first, <paramref name="detectorCalibration"/>).
/// </summary>
public sealed class MeshFaceAligner(FaceMeshNet mesh, FaceMeshOptions options, FaceBoxCalibration? detectorCalibration = null)
    : IFaceAligner
{
    /// <summary>
    /// The mesh point standing for each iBUG 300-W point: @vladmandic/human's <c>VTX68</c> (src/face/facemeshcoords.ts,
    /// MIT): jaw, brows, nose, eyes, outer lips, inner lips.
    /// </summary>
    internal static IReadOnlyList<int> Ibug68 { get; } =
    [
        127, 234, 132, 58, 172, 150, 149, 148, 152, 377, 378, 379, 397, 288, 361, 454, 356,
        70, 63, 105, 66, 107, 336, 296, 334, 293, 300,
        168, 6, 195, 4, 98, 97, 2, 326, 327,
        33, 160, 158, 133, 153, 144, 362, 385, 387, 263, 373, 380,
        57, 40, 37, 0, 267, 270, 287, 321, 314, 17, 84, 91,
        78, 81, 13, 311, 308, 402, 14, 178,
    ];

    public Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size)
    {
        var box = detectorCalibration is null ? face.Box : detectorCalibration.Invert(face.Box);
        var points = mesh.Locate(image, box, face.Keypoints).Points;
        var landmarks68 = Ibug68.Select(i => points[i]).ToArray();
        return ChipSampler.Sample(image, DlibFaceChip.ChipToImage(landmarks68, size, options.ChipPadding), size);
    }
}
