using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Faces.Mesh;

/// <summary>Settings of <see cref="FaceMeshNet"/> and <see cref="MeshFaceAligner"/> (<c>Faces:Aligner=Mesh</c>).</summary>
public sealed class FaceMeshOptions : IModelFileOptions
{
    public const string SectionName = "Faces:Mesh";

    /// <summary>Path of models/face_mesh_192.onnx.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/face_mesh_192.onnx";

    /// <summary>
    /// Side of the square crop the mesh net sees, as a multiple of the detector's box's longer side: MediaPipe's face
    /// landmark graph enlarges the detection by 1.5 (RectTransformationCalculator scale 1.5, square_long).
    /// </summary>
    [Range(1.0, 3.0)]
    public double CropScale { get; set; } = 1.5;

    /// <summary>Border around dlib's mean face, as a fraction of it; dlib's face recognition example uses 0.25.</summary>
    [Range(0.0, 1.0)]
    public double ChipPadding { get; set; } = 0.25;

    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Copied from <c>Faces:ExecutionProvider</c>.</summary>
    public FaceExecutionProvider ExecutionProvider { get; set; } = FaceExecutionProvider.Cpu;
}
