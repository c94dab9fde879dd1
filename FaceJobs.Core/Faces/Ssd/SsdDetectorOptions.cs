using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Faces.Ssd;

/// <summary>Settings of <see cref="SsdMobileNetDetector"/>; the defaults are face-api's.</summary>
public sealed class SsdDetectorOptions : IModelFileOptions
{
    public const string SectionName = "Faces:Ssd";

    /// <summary>Path of models/ssd_mobilenetv1_face_detector.onnx.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/ssd_mobilenetv1_face_detector.onnx";

    /// <summary>Faces scoring at or below this are dropped (face-api SsdMobilenetv1Options.minConfidence).</summary>
    [Range(0.0, 1.0)]
    public float MinConfidence { get; set; } = 0.5f;

    [Range(1, 1000)]
    public int MaxResults { get; set; } = 100;

    /// <summary>Boxes overlapping a better one by more than this IoU are suppressed (face-api uses 0.5).</summary>
    [Range(0.0, 1.0)]
    public float IouThreshold { get; set; } = 0.5f;

    /// <summary>
    /// Square tile sizes (px) for crowds, e.g. [1024, 512, 256]: besides the whole photo, SSD runs on
    /// overlapping tiles of each size, so a 256 px tile shows a 15 px face at 30 px. Empty: whole photo
    /// only (face-api's behaviour). Each tile costs one network run; see docs/accuracy.md.
    /// </summary>
    public int[] TileSizes { get; set; } = [];

    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Copied from <c>Faces:ExecutionProvider</c>.</summary>
    public FaceExecutionProvider ExecutionProvider { get; set; } = FaceExecutionProvider.Cpu;
}
