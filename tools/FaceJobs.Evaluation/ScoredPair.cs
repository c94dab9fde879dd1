namespace FaceJobs.Evaluation;

/// <summary>
/// A verification pair: whether both photos show the same person, and the descriptor distance, or null when a face was
/// not found in one of them (such a pair is a failure at every threshold).
/// </summary>
public readonly record struct ScoredPair(bool Same, float? Distance)
{
    /// <summary>Accepted as the same person: distance at most the threshold (as WatchlistMatcher decides).</summary>
    public bool IsCorrectAt(float threshold) => Distance is { } distance && Same == (distance <= threshold);
}
