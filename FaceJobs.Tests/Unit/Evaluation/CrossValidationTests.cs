using FaceJobs.Evaluation;

namespace FaceJobs.Tests.Unit.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void BestThreshold_SeparatesTheClasses_WhenSameAndDifferentDistancesDoNotOverlap()
    {
        ScoredPair[] pairs = [new(true, 0.3f), new(true, 0.4f), new(false, 0.7f), new(false, 0.8f)];

        var threshold = Verification.BestThreshold(pairs);

        Assert.Equal(0.55f, threshold, 4);
        Assert.Equal(1.0, Verification.Accuracy(pairs, threshold));
    }

    [Fact]
    public void BestThreshold_TakesTheMiddleOfEquallyGoodThresholds_WhenAccuracyHasAPlateau()
    {
        // 0.25, 0.55 and 0.85 each get 6 of 8 right (same and different alternate); the middle one is taken.
        ScoredPair[] pairs =
        [
            new(true, 0.2f), new(false, 0.3f), new(true, 0.5f), new(false, 0.6f), new(true, 0.8f), new(false, 0.9f), new(false, 1.0f), new(false, 1.1f),
        ];

        var threshold = Verification.BestThreshold(pairs);

        Assert.Equal(0.55f, threshold, 4);
        Assert.Equal(0.75, Verification.Accuracy(pairs, threshold));
        Assert.Equal(0.75, Verification.Accuracy(pairs, 0.25f));
        Assert.Equal(0.75, Verification.Accuracy(pairs, 0.85f));
    }

    [Fact]
    public void Accuracy_CountsPairsWithoutAFaceAsWrong_AtEveryThreshold()
    {
        ScoredPair[] pairs = [new(true, 0.3f), new(false, 0.9f), new(true, null), new(false, null)];

        Assert.Equal(0.5, Verification.Accuracy(pairs, 0.5f));
        Assert.Equal(0.25, Verification.Accuracy(pairs, 0f));
        Assert.Equal((1, 2, 1, 2), Verification.Errors(pairs, 0.5f));
    }

    [Fact]
    public void AssignFolds_DealsSameAndDifferentPairsOutSeparately_WhenTheFileListsOneKindFirst()
    {
        var pairs = Enumerable.Range(0, 20).Select(i => new ScoredPair(i < 10, i)).ToList();

        var folds = CrossValidation.AssignFolds(pairs, 5);

        Assert.All(Enumerable.Range(0, 5), f =>
        {
            Assert.Equal(2, pairs.Where((_, i) => folds[i] == f).Count(p => p.Same));
            Assert.Equal(2, pairs.Where((_, i) => folds[i] == f).Count(p => !p.Same));
        });
    }

    [Fact]
    public void Run_ChoosesEachFoldsThresholdOnTheOtherFolds_WhenOneFoldHoldsAnOutlier()
    {
        // Same-person pairs at 0.1..0.5 and different-people pairs at 0.6..1.0, except one same pair at 0.95: that fold
        // cannot get it right with a threshold learnt elsewhere, so cross-validation is below the all-pairs best.
        var pairs = new List<ScoredPair>();
        for (var i = 0; i < 10; i++)
        {
            pairs.Add(new ScoredPair(true, i == 3 ? 0.95f : 0.1f + (i * 0.04f)));
            pairs.Add(new ScoredPair(false, 0.6f + (i * 0.04f)));
        }

        var result = CrossValidation.Run(pairs, folds: 10);

        Assert.Equal(10, result.Folds.Count);
        Assert.Equal(0.95, result.Mean, 6);
        Assert.Equal(0.5, result.Folds[3].Accuracy);
        Assert.All(result.Folds.Where((_, f) => f != 3), f => Assert.Equal(1.0, f.Accuracy));
        Assert.All(result.Folds, f => Assert.InRange(f.Threshold, 0.46f, 0.6f));
        Assert.Equal(Math.Sqrt(0.025), result.StandardDeviation, 6);
    }
}
