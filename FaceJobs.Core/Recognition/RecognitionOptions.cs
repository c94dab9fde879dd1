using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Recognition;

/// <summary>Bound from <c>Recognition</c>.</summary>
public sealed class RecognitionOptions
{
    public const string SectionName = "Recognition";

    /// <summary>
    /// Largest Euclidean descriptor distance still counted as the same person, for the default vision choices
    /// (BlazeFace, 68-point landmark alignment, mirror averaging, 3 jitters). Chosen by 10-fold cross-validation on the
    /// 1,946 LFW View 1 training pairs: the thresholds picked on nine folds were 0.576–0.585, accuracy on the tenth
    /// 0.9923 ± 0.0044 (docs/accuracy.md); jittering pulls distances in, so it is below the 0.60 of no jitters. Re-derive
    /// it with <c>tools/FaceJobs.Eval</c> (<c>verify --pairs</c>) when changing detector, aligner or jitters.
    /// </summary>
    [Range(0.05, 2.0)]
    public float MatchThreshold { get; set; } = 0.58f;

    /// <summary>
    /// Faces whose eyes are closer than this many photo pixels are "too small to identify": stored and shown, never
    /// matched. Derived from LFW verification accuracy after shrinking one face of each pair (docs/accuracy.md).
    /// </summary>
    [Range(0.0, 200.0)]
    public float MinInterEyeDistance { get; set; } = 12f;
}
