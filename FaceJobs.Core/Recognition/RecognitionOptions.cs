using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Recognition;

/// <summary>Bound from <c>Recognition</c>.</summary>
public sealed class RecognitionOptions
{
    public const string SectionName = "Recognition";

    /// <summary>
    /// Largest Euclidean descriptor distance still counted as the same person, for the default vision choices
    /// (BlazeFace keypoints, mirror averaging). At 0.58 no different-person pair was accepted on either evaluation set
    /// (closest 0.593 and 0.610) while 0% and 4.5% of same-person pairs were rejected; 0.60 let one through
    /// (docs/accuracy.md). Re-derive it with <c>tools/FaceJobs.Eval</c> (<c>verify --pairs</c>) when changing detector or aligner.
    /// </summary>
    [Range(0.05, 2.0)]
    public float MatchThreshold { get; set; } = 0.58f;
}
