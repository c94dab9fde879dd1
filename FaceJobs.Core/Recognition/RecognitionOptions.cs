using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Recognition;

/// <summary>Bound from <c>Recognition</c>.</summary>
public sealed class RecognitionOptions
{
    public const string SectionName = "Recognition";

    /// <summary>
    /// Largest Euclidean descriptor distance still counted as the same person. Chosen with <c>FaceJobs.Eval verify</c>
    /// (docs/vision-evaluation.md): 0.55 kept wrong-person pairs at 2 of 700 on the identities set; dlib's own 0.6
    /// let 21 through.
    /// </summary>
    [Range(0.05, 2.0)]
    public float MatchThreshold { get; set; } = 0.55f;
}
