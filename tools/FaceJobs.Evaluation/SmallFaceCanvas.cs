using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Evaluation;

/// <summary>
/// A large photo-like canvas with faces from the sample photos pasted at known, small sizes: one row per face size,
/// each face with its head and surroundings (1.6 times the box) so it looks as it did in the photo.
/// </summary>
public sealed class SmallFaceCanvas : IDisposable
{
    private const float Context = 1.6f;

    private SmallFaceCanvas(Image<Rgb24> image, List<(int Size, RectangleF Box)> faces)
    {
        Image = image;
        Faces = faces;
    }

    public Image<Rgb24> Image { get; }

    /// <summary>Each pasted face: the face box side in pixels and where the box lies on the canvas.</summary>
    public IReadOnlyList<(int Size, RectangleF Box)> Faces { get; }

    /// <summary>Pastes faces found in <paramref name="photos"/> (which must show large faces), cycling through them.</summary>
    public static SmallFaceCanvas Compose(
        IFaceDetector detector, IReadOnlyList<string> photos, IReadOnlyList<int> sizes, int facesPerSize, Size? canvasSize = null)
    {
        var (canvasWidth, canvasHeight) = (canvasSize?.Width ?? 3200, canvasSize?.Height ?? 2400);
        var sources = LoadFaces(detector, photos);
        var canvas = new Image<Rgb24>(canvasWidth, canvasHeight, new Rgb24(96, 104, 112));
        var faces = new List<(int, RectangleF)>();
        var rowHeight = canvasHeight / sizes.Count;
        var cellWidth = canvasWidth / facesPerSize;
        var next = 0;
        for (var row = 0; row < sizes.Count; row++)
        {
            for (var column = 0; column < facesPerSize; column++)
            {
                var (photo, box) = sources[next++ % sources.Count];
                var scale = sizes[row] / box.Width;
                var crop = Rectangle.Intersect(
                    Rectangle.Round(Enlarge(box, Context)), new Rectangle(0, 0, photo.Width, photo.Height));
                using var patch = photo.Clone(x => x.Crop(crop).Resize(
                    Math.Max(1, (int)Math.Round(crop.Width * scale)), Math.Max(1, (int)Math.Round(crop.Height * scale))));
                // Odd offsets so faces do not all sit on the same tile or anchor positions.
                var at = new Point((column * cellWidth) + (37 * row % 60) + 20, (row * rowHeight) + (23 * column % 40) + 10);
                canvas.Mutate(x => x.DrawImage(patch, at, 1f));
                faces.Add((sizes[row], new RectangleF(
                    at.X + ((box.X - crop.X) * patch.Width / crop.Width),
                    at.Y + ((box.Y - crop.Y) * patch.Height / crop.Height),
                    box.Width * patch.Width / crop.Width,
                    box.Height * patch.Height / crop.Height)));
            }
        }

        foreach (var (photo, _) in sources.DistinctBy(s => s.Photo))
        {
            photo.Dispose();
        }

        return new SmallFaceCanvas(canvas, faces);
    }

    public void Dispose() => Image.Dispose();

    private static List<(Image<Rgb24> Photo, RectangleF Box)> LoadFaces(IFaceDetector detector, IReadOnlyList<string> photos)
    {
        var faces = new List<(Image<Rgb24>, RectangleF)>();
        foreach (var path in photos)
        {
            var photo = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
            faces.AddRange(detector.Detect(photo).Select(f => (photo, f.Box)));
        }

        return faces;
    }

    private static RectangleF Enlarge(RectangleF box, float factor)
    {
        var width = box.Width * factor;
        var height = box.Height * factor;
        return new RectangleF(box.X - ((width - box.Width) / 2), box.Y - ((height - box.Height) / 2), width, height);
    }
}
