using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>Settings of <see cref="FaceLandmark68Net"/> and <see cref="LandmarkFaceAligner"/>.</summary>
public sealed class LandmarkOptions : IModelFileOptions
{
    public const string SectionName = "Faces:Landmarks";

    /// <summary>Path of models/face_landmark_68.onnx.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/face_landmark_68.onnx";

    /// <summary>Border around dlib's mean face, as a fraction of it; dlib's face recognition example uses 0.25.</summary>
    [Range(0.0, 1.0)]
    public double ChipPadding { get; set; } = 0.25;

    /// <summary>
    /// Also locate the points on the mirrored crop and average: one more landmark-net run a face; lfw-devtrain 10-fold
    /// 0.9918 against 0.9913 without (docs/accuracy.md).
    /// </summary>
    public bool MirrorPass { get; set; } = true;

    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Copied from <c>Faces:ExecutionProvider</c>.</summary>
    public FaceExecutionProvider ExecutionProvider { get; set; } = FaceExecutionProvider.Cpu;
}
