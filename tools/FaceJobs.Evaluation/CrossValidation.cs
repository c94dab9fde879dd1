namespace FaceJobs.Evaluation;

/// <summary>
/// k-fold cross-validated verification accuracy, as LFW reports it: for each fold, the threshold is chosen on the other
/// folds (<see cref="Verification.BestThreshold"/>) and accuracy is counted on the held-out fold only.
/// </summary>
public static class CrossValidation
{
    public const int DefaultFolds = 10;

    /// <summary>
    /// Fold of each pair: same-person and different-people pairs are dealt out in turn separately, so every fold holds
    /// the same mix even when the pairs file lists all same-person pairs first (LFW's does).
    /// </summary>
    public static int[] AssignFolds(IReadOnlyList<ScoredPair> pairs, int folds)
    {
        var (same, different) = (0, 0);
        return pairs.Select(p => p.Same ? same++ % folds : different++ % folds).ToArray();
    }

    public static CrossValidationResult Run(IReadOnlyList<ScoredPair> pairs, int folds = DefaultFolds)
    {
        if (folds < 2 || pairs.Count < folds)
            throw new ArgumentException($"{folds} folds need at least {folds} pairs and 2 folds; got {pairs.Count} pairs.");

        var fold = AssignFolds(pairs, folds);
        var results = new List<(float Threshold, double Accuracy)>();
        for (var f = 0; f < folds; f++)
        {
            var training = pairs.Where((_, i) => fold[i] != f).ToList();
            var heldOut = pairs.Where((_, i) => fold[i] == f).ToList();
            var threshold = Verification.BestThreshold(training);
            results.Add((threshold, Verification.Accuracy(heldOut, threshold)));
        }

        return new CrossValidationResult(results);
    }
}

/// <summary>Per fold: the threshold chosen on the other folds and the accuracy on this one.</summary>
public sealed record CrossValidationResult(IReadOnlyList<(float Threshold, double Accuracy)> Folds)
{
    public double Mean => Folds.Average(f => f.Accuracy);

    /// <summary>Sample standard deviation of the fold accuracies.</summary>
    public double StandardDeviation
    {
        get
        {
            var mean = Mean;
            return Math.Sqrt(Folds.Sum(f => (f.Accuracy - mean) * (f.Accuracy - mean)) / (Folds.Count - 1));
        }
    }
}
