using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Accuracy;

/// <summary>Greedy matching of detections (best score first) to true boxes at IoU ≥ <paramref name="minIou"/>, tallied by true face width.</summary>
internal sealed class DetectionScoring(float minIou = 0.5f)
{
    public static readonly (float Min, float Max)[] SizeBins = [(12, 16), (16, 24), (24, 32), (32, 48), (48, 64), (64, 97)];

    private readonly int[] _truths = new int[SizeBins.Length];
    private readonly int[] _found = new int[SizeBins.Length];
    private int _detections;
    private int _falsePositives;
    private int _rotatedTruths;
    private int _rotatedFound;
    private int _coveredTruths;
    private int _coveredFound;

    public void Add(IReadOnlyList<CrowdFace> truths, IReadOnlyList<(RectangleF Box, float Score)> detections)
    {
        var matched = new bool[truths.Count];
        foreach (var detection in detections.OrderByDescending(d => d.Score))
        {
            _detections++;
            var best = Enumerable.Range(0, truths.Count).Where(i => !matched[i])
                .Select(i => (Index: i, Iou: BoxMatching.IntersectionOverUnion(truths[i].Box, detection.Box))).Append((Index: -1, Iou: 0f)).MaxBy(m => m.Iou);
            if (best.Iou >= minIou)
            {
                matched[best.Index] = true;
            }
            else
            {
                _falsePositives++;
            }
        }

        for (var i = 0; i < truths.Count; i++)
        {
            var bin = Array.FindIndex(SizeBins, b => truths[i].Box.Width >= b.Min && truths[i].Box.Width < b.Max);
            _truths[bin]++;
            _found[bin] += matched[i] ? 1 : 0;
            (_rotatedTruths, _rotatedFound) = truths[i].Rotated ? (_rotatedTruths + 1, _rotatedFound + (matched[i] ? 1 : 0)) : (_rotatedTruths, _rotatedFound);
            (_coveredTruths, _coveredFound) = truths[i].Covered ? (_coveredTruths + 1, _coveredFound + (matched[i] ? 1 : 0)) : (_coveredTruths, _coveredFound);
        }
    }

    public string Recall => Ratio(_found.Sum(), _truths.Sum());

    public string Precision => Ratio(_detections - _falsePositives, _detections);

    public string RecallCells =>
        $"{string.Join(" | ", _truths.Select((t, i) => Ratio(_found[i], t)))} | {Recall} | {Ratio(_rotatedFound, _rotatedTruths)} | {Ratio(_coveredFound, _coveredTruths)} | {Precision}";

    public static string BinHeaders => string.Join(" | ", SizeBins.Select(b => $"{b.Min:0}–{b.Max - 1:0} px"));


    private static string Ratio(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:F0}% ({part}/{whole})";
}
