using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Recognition;

/// <summary>Bound from <c>Recognition</c>.</summary>
public sealed class RecognitionOptions
{
    public const string SectionName = "Recognition";

    /// <summary>
    /// Largest Euclidean descriptor distance still counted as the same person. Chosen from measurements, see
    /// docs/accuracy.md; dlib's own 0.6 lets through too many strangers.
    /// </summary>
    [Range(0.05, 2.0)]
    public float MatchThreshold { get; set; } = 0.5f;
}
