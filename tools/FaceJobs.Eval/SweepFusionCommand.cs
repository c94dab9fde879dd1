using FaceJobs.Core.Faces;
using FaceJobs.Evaluation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Eval;

/// <summary>
/// Runs both ensemble models once per photo (and once on its mirror image) at low scores, then tries a grid of the
/// ensemble's thresholds and mirror weights on those faces without running the models again. Detection at a low score
/// merges a few more weak anchors into each face than at the final score, so the grid is a guide: the numbers to report
/// come from <c>detect</c> with the chosen settings. Prints the best settings at precision ≥ 0.85 on all photos and on
/// the even and odd halves.
/// </summary>
internal sealed class SweepFusionCommand(CommandLine arguments)
{
    private const float LowScore = 0.2f;
    private const float MinPrecision = 0.85f;

    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        var truth = BoxesFile.Read(arguments.Positional[1]);
        using var vision = VisionArguments.Create(arguments);
        var back = vision.Get<BlazeFaceDetector>();
        var fullRange = vision.Get<BlazeFaceFullRangeDetector>();
        var photos = truth.Select(t =>
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(Path.Combine(folder, t.File)));
            using var mirror = image.Clone(x => x.Flip(FlipMode.Horizontal));
            return new Photo(
                t.Boxes,
                back.Detect(image, LowScore, LowScore),
                MirrorFusion.Unmirror(back.Detect(mirror, LowScore, LowScore), image.Width),
                fullRange.Detect(image, LowScore, LowScore),
                MirrorFusion.Unmirror(fullRange.Detect(mirror, LowScore, LowScore), image.Width));
        }).ToList();
        Console.WriteLine($"{photos.Count} photos detected at score {LowScore} both ways; grid follows");

        float[] Steps(float from, float to, float step) =>
            Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => from + (i * step)).ToArray();
        var results = new List<(string Settings, Score All, Score Even, Score Odd)>();
        foreach (var weight in new[] { 0f, 0.5f, 0.7f, 1f })
            foreach (var backScore in Steps(0.3f, 0.5f, 0.05f))
                foreach (var fullScore in Steps(0.2f, 0.4f, 0.05f))
                {
                    // Weight 0: no mirror pass at all (the photo's own faces only).
                    var lists = photos.Select(p => (
                        Back: Combine(p.Back, p.BackMirrored, backScore, weight),
                        Full: Combine(p.Full, p.FullMirrored, fullScore, weight))).ToList();
                    foreach (var pairScore in Steps(0.4f, 0.8f, 0.05f))
                        foreach (var backAlone in Steps(0.3f, 0.7f, 0.1f))
                            foreach (var fullAlone in Steps(0.4f, 0.9f, 0.1f))
                            {
                                var tallies = new[] { new DetectionTally(), new DetectionTally() };
                                for (var i = 0; i < photos.Count; i++)
                                {
                                    var fused = DetectionFusion.Fuse(lists[i].Back, lists[i].Full, 0.5f, pairScore, backAlone, fullAlone);
                                    tallies[i % 2].Add(photos[i].Truth, fused.Select(f => f.Box).ToList());
                                }

                                results.Add(($"mirror {weight:0.##} back {backScore:0.##}/{backAlone:0.##} full {fullScore:0.##}/{fullAlone:0.##} pair {pairScore:0.##}",
                                    Score.Of(tallies), Score.Of(tallies[..1]), Score.Of(tallies[1..])));
                            }
                }

        foreach (var group in results.Where(r => r.All.Precision >= MinPrecision).GroupBy(r => r.Settings.Split(" back")[0]))
        {
            Console.WriteLine($"== {group.Key}: best at precision ≥ {MinPrecision} by ≥ 32 px recall, then recall");
            foreach (var r in group.OrderByDescending(r => r.All.Large).ThenByDescending(r => r.All.Recall).Take(5))
                Console.WriteLine($"{r.Settings}: all {r.All}; even {r.Even}; odd {r.Odd}");
        }

        return 0;
    }

    private static IReadOnlyList<DetectedFace> Combine(IReadOnlyList<DetectedFace> faces, IReadOnlyList<DetectedFace> mirrored, float score, float weight)
    {
        var kept = faces.Where(f => f.Score >= score).ToList();
        return weight == 0 ? kept : MirrorFusion.Combine(kept, mirrored.Where(f => f.Score >= score).ToList(), 0.5f, weight);
    }

    private sealed record Photo(
        IReadOnlyList<RectangleF> Truth,
        IReadOnlyList<DetectedFace> Back,
        IReadOnlyList<DetectedFace> BackMirrored,
        IReadOnlyList<DetectedFace> Full,
        IReadOnlyList<DetectedFace> FullMirrored);

    private sealed record Score(double Large, double Recall, double Precision)
    {
        public static Score Of(IEnumerable<DetectionTally> tallies)
        {
            int annotated = 0, detected = 0, matched = 0, largeFound = 0, large = 0;
            foreach (var t in tallies)
            {
                annotated += t.Annotated;
                detected += t.Detected;
                matched += t.Matched;
                var (f, a) = t.AtLeast(FaceSizeBucket.Large);
                largeFound += f;
                large += a;
            }

            return new Score((double)largeFound / large, (double)matched / annotated, (double)matched / Math.Max(1, detected));
        }

        public override string ToString() => $"≥32 {Large:0.000} recall {Recall:0.000} precision {Precision:0.000}";
    }
}
