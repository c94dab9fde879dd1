using System.Globalization;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.BlazeFace;
using SixLabors.ImageSharp;

namespace FaceJobs.Eval;

/// <summary>
/// Every raw anchor above a low score of both BlazeFace models, on the whole photo and each tile of the default pyramid,
/// so thresholds, box calibration and model fusion can be explored offline without re-running the models. Rows: file,
/// model, region (x y w h), the largest face side the region reports, box, score, keypoints (image pixels).
/// </summary>
internal sealed class DumpCandidatesCommand(CommandLine arguments)
{
    public int Run()
    {
        var folder = Path.GetFullPath(arguments.Positional[0]);
        var truth = BoxesFile.Read(arguments.Positional[1]);
        var minScore = arguments.Float("--score") ?? 0.3f;
        var options = new FaceOptions();
        var resolver = new ModelPathResolver();
        using var back = new BlazeFaceDetector(resolver.Resolve(options.DetectorModelPath), options);
        using var fullRange = new BlazeFaceFullRangeDetector(resolver.Resolve(options.FullRange.ModelPath), options);
        var models = new (string Name, Func<SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>, Rectangle, float, List<FaceCandidate>> Detect, int Input)[]
        {
            ("back", (i, r, s) => back.DetectRegion(i, r, s, suppress: false), BlazeFaceAnchors.InputSize),
            ("full", (i, r, s) => fullRange.DetectRegion(i, r, s, suppress: false), 192),
        };
        using var output = new StreamWriter(arguments.Positional[2]);
        output.WriteLine("file,model,region,maxface,x,y,w,h,score,kp");
        foreach (var (file, _) in truth)
        {
            using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(Path.Combine(folder, file)));
            foreach (var (name, detect, input) in models)
            {
                var whole = new Rectangle(0, 0, image.Width, image.Height);
                Write(output, file, name, whole, float.PositiveInfinity, detect(image, whole, minScore));
                foreach (var tile in TiledDetection.Tiles(image.Size(), options.Tiling, input))
                    Write(output, file, name, tile.Area, tile.MaxFaceSide, detect(image, tile.Area, minScore));
            }
        }

        return 0;
    }

    private static void Write(StreamWriter output, string file, string model, Rectangle region, float maxFaceSide, IEnumerable<FaceCandidate> candidates)
    {
        foreach (var c in candidates)
        {
            var keypoints = string.Join(' ', c.Keypoints.Select(k => k.ToString("F1", CultureInfo.InvariantCulture)));
            output.WriteLine($"{file},{model},{region.X} {region.Y} {region.Width} {region.Height},{maxFaceSide:F1},{c.X:F2},{c.Y:F2},{c.Width:F2},{c.Height:F2},{c.Score:F4},{keypoints}");
        }
    }
}
