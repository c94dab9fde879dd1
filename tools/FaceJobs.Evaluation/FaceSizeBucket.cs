using SixLabors.ImageSharp;

namespace FaceJobs.Evaluation;

/// <summary>Face size classes by the larger side of the true box, as detection recall is reported (docs/accuracy.md).</summary>
public static class FaceSizeBucket
{
    /// <summary>Lower bounds of the buckets: under 16 px, 16–31, 32–63, 64 and more.</summary>
    public static IReadOnlyList<int> LowerBounds { get; } = [0, 16, 32, 64];

    /// <summary>Faces at least this large are what the issue's ≥ 32 px recall line counts.</summary>
    public const int Large = 32;

    public static float LargerSide(RectangleF box) => Math.Max(box.Width, box.Height);

    /// <summary>Index into <see cref="LowerBounds"/> of the bucket <paramref name="box"/> falls in.</summary>
    public static int Of(RectangleF box)
    {
        var side = LargerSide(box);
        var bucket = 0;
        for (var i = 1; i < LowerBounds.Count; i++)
        {
            if (side >= LowerBounds[i])
                bucket = i;
        }

        return bucket;
    }

    public static string Label(int bucket) => bucket switch
    {
        0 => $"<{LowerBounds[1]} px",
        _ when bucket == LowerBounds.Count - 1 => $"≥{LowerBounds[bucket]} px",
        _ => $"{LowerBounds[bucket]}–{LowerBounds[bucket + 1] - 1} px",
    };
}
