using SixLabors.ImageSharp;

namespace FaceJobs.Evaluation;

/// <summary>
/// Recall and precision of a detector over many photos, a detection matching a true box one-to-one at
/// IoU ≥ <paramref name="minIoU"/> (<see cref="BoxMatching"/>), with recall by face size (<see cref="FaceSizeBucket"/>).
/// </summary>
public sealed class DetectionTally(float minIoU = DetectionTally.DefaultMinIoU)
{
    public const float DefaultMinIoU = 0.5f;

    private readonly int[] _annotatedBySize = new int[FaceSizeBucket.LowerBounds.Count];
    private readonly int[] _foundBySize = new int[FaceSizeBucket.LowerBounds.Count];

    public float MinIoU => minIoU;

    public int Annotated { get; private set; }

    public int Detected { get; private set; }

    public int Matched { get; private set; }

    public double Recall => Annotated == 0 ? 0 : (double)Matched / Annotated;

    public double Precision => Detected == 0 ? 0 : (double)Matched / Detected;

    /// <summary>Adds one photo; returns the indexes of the true boxes that were found.</summary>
    public HashSet<int> Add(IReadOnlyList<RectangleF> truth, IReadOnlyList<RectangleF> detections)
    {
        var matched = BoxMatching.MatchedAnnotations(truth, detections, minIoU);
        for (var i = 0; i < truth.Count; i++)
        {
            var bucket = FaceSizeBucket.Of(truth[i]);
            _annotatedBySize[bucket]++;
            _foundBySize[bucket] += matched.Contains(i) ? 1 : 0;
        }

        Annotated += truth.Count;
        Detected += detections.Count;
        Matched += matched.Count;
        return matched;
    }

    /// <summary>Found and annotated faces per bucket of <see cref="FaceSizeBucket.LowerBounds"/>.</summary>
    public IReadOnlyList<(int Found, int Annotated)> BySize =>
        _annotatedBySize.Select((annotated, i) => (_foundBySize[i], annotated)).ToList();

    /// <summary>Found and annotated faces of at least <paramref name="side"/> px (a bucket's lower bound).</summary>
    public (int Found, int Annotated) AtLeast(int side)
    {
        var first = FaceSizeBucket.LowerBounds.ToList().IndexOf(side);
        if (first < 0)
            throw new ArgumentException($"{side} px is not a bucket bound ({string.Join(", ", FaceSizeBucket.LowerBounds)}).", nameof(side));
        return (_foundBySize.Skip(first).Sum(), _annotatedBySize.Skip(first).Sum());
    }
}
