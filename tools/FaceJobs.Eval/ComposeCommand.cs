using System.Globalization;
using FaceJobs.Evaluation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace FaceJobs.Eval;

/// <summary>Writes a small-face test canvas (faces from photos pasted at known small sizes) and its boxes.csv for <c>detect</c>.</summary>
internal sealed class ComposeCommand(CommandLine arguments)
{
    public int Run()
    {
        var photos = Directory.GetFiles(arguments.Positional[0], "*.jpg").Order(StringComparer.Ordinal).ToList();
        var output = Directory.CreateDirectory(arguments.Positional[1]).FullName;
        var sizes = (arguments.Text("--sizes") ?? "12,16,24,32,48,64,96").Split(',').Select(int.Parse).ToList();
        var perSize = (int)(arguments.Float("--per-size") ?? 8);
        using var vision = VisionArguments.Create(arguments, tiling: false);
        var canvasSize = (arguments.Text("--canvas") ?? "3200x2400").Split('x').Select(int.Parse).ToArray();
        using var sources = SourceFaces.Find(vision.Detector, photos);
        using var canvas = CrowdCanvas.Grid(sources, sizes, perSize, new Size(canvasSize[0], canvasSize[1]));

        canvas.Image.SaveAsJpeg(Path.Combine(output, "small-faces.jpg"), new JpegEncoder { Quality = 95 });
        File.WriteAllLines(Path.Combine(output, "boxes.csv"), canvas.Faces
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"small-faces.jpg,{f.Box.X:F1},{f.Box.Y:F1},{f.Box.Width:F1},{f.Box.Height:F1}"))
            .Prepend("file,x,y,w,h"));
        Console.WriteLine($"{canvas.Faces.Count} faces ({string.Join(", ", sizes)} px, {perSize} each) from {photos.Count} photos written to {output}");
        return 0;
    }
}
