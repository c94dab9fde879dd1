using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Recognition;

/// <summary>Bound from <c>Recognition</c>.</summary>
public sealed class RecognitionOptions
{
    public const string SectionName = "Recognition";

    /// <summary>
    /// Largest Euclidean descriptor distance still counted as the same person, for the default vision choices
    /// (BlazeFace, 68-point landmark alignment, mirror averaging). Chosen by 10-fold cross-validation on the 1,946 LFW
    /// View 1 training pairs: the thresholds picked on nine folds were 0.597–0.600, accuracy on the tenth 0.9913 ± 0.0065
    /// (docs/accuracy.md). Re-derive it with <c>tools/FaceJobs.Eval</c> (<c>verify --pairs</c>) when changing detector or aligner.
    /// </summary>
    [Range(0.05, 2.0)]
    public float MatchThreshold { get; set; } = 0.6f;

    /// <summary>
    /// Faces whose eyes are closer than this many photo pixels are "too small to identify": stored and shown, never
    /// matched. Derived from LFW verification accuracy after shrinking one face of each pair (docs/accuracy.md).
    /// </summary>
    [Range(0.0, 200.0)]
    public float MinInterEyeDistance { get; set; } = 12f;
}
