using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Evaluation;

/// <summary>A pasted face: its box side in pixels (the width it was scaled to), its true box, and how it was altered.</summary>
public sealed record CrowdFace(int Size, RectangleF Box, bool Rotated = false, bool Covered = false);

/// <summary>
/// The one synthetic crowd generator: faces from real photos pasted at known sizes, each with its head and surroundings
/// (1.6 times its box) so it looks as it did in the photo. Two layouts: <see cref="Grid"/> (one row per face size on a
/// plain canvas, for recall by size) and <see cref="Scattered"/> (log-uniform sizes at random places on a cluttered
/// background, some faces rotated or partly covered).
/// </summary>
public sealed class CrowdCanvas : IDisposable
{
    private const float Context = 0.3f;

    private CrowdCanvas(Image<Rgb24> image, List<CrowdFace> faces)
    {
        Image = image;
        Faces = faces;
    }

    public Image<Rgb24> Image { get; }

    public IReadOnlyList<CrowdFace> Faces { get; }

    public void Dispose() => Image.Dispose();

    /// <summary>Rows of <paramref name="facesPerSize"/> faces, one row per size, cycling through the source faces.</summary>
    public static CrowdCanvas Grid(SourceFaces sources, IReadOnlyList<int> sizes, int facesPerSize, Size? canvasSize = null)
    {
        var (width, height) = (canvasSize?.Width ?? 3200, canvasSize?.Height ?? 2400);
        var canvas = new Image<Rgb24>(width, height, new Rgb24(96, 104, 112));
        var faces = new List<CrowdFace>();
        var rowHeight = height / sizes.Count;
        var cellWidth = width / facesPerSize;
        var next = 0;
        for (var row = 0; row < sizes.Count; row++)
        {
            for (var column = 0; column < facesPerSize; column++)
            {
                var (photo, box) = sources.Faces[next++ % sources.Faces.Count];
                using var patch = Patch(photo, box, sizes[row], out var faceInPatch);

                // Odd offsets so faces do not all sit on the same tile or anchor positions.
                var at = new Point((column * cellWidth) + (37 * row % 60) + 20, (row * rowHeight) + (23 * column % 40) + 10);
                canvas.Mutate(x => x.DrawImage(patch, at, 1f));
                faces.Add(new CrowdFace(sizes[row], Offset(faceInPatch, at)));
            }
        }

        return new CrowdCanvas(canvas, faces);
    }

    /// <summary>
    /// Photos from a deterministic <paramref name="random"/>: faces at 12–96 px box width (log-uniform), a quarter of
    /// them rotated by 10–35°, a fifth partly covered by a block over the lower or one side 40%; patches never overlap,
    /// and a face that finds no free place is left out.
    /// </summary>
    public static CrowdCanvas Scattered(SourceFaces sources, Random random, int faceCount, int width = 1600, int height = 1200)
    {
        const float minFace = 12, maxFace = 96;
        var canvas = ClutteredBackground(random, width, height);
        var faces = new List<CrowdFace>();
        var taken = new List<Rectangle>();
        for (var f = 0; f < faceCount; f++)
        {
            var (photo, box) = sources.Faces[random.Next(sources.Faces.Count)];
            var faceWidth = minFace * MathF.Pow(maxFace / minFace, (float)random.NextDouble());
            var rotated = random.NextDouble() < 0.25;
            var covered = random.NextDouble() < 0.2;
            var angle = rotated ? (float)((random.Next(2) == 0 ? -1 : 1) * (10 + (25 * random.NextDouble()))) : 0;
            using var patch = Patch(photo, box, faceWidth, out var faceInPatch).CloneAs<Rgba32>();
            if (covered)
                Cover(patch, random, faceInPatch);

            var centre = new PointF(faceInPatch.X + (faceInPatch.Width / 2), faceInPatch.Y + (faceInPatch.Height / 2));
            if (rotated)
            {
                var before = patch.Size();
                patch.Mutate(x => x.Rotate(angle));
                centre = RotatedPoint(centre, before, patch.Size(), angle);
            }

            if (FreeLocation(random, patch.Size(), taken, width, height) is not { } location)
                continue;

            taken.Add(new Rectangle(location, patch.Size()));
            canvas.Mutate(x => x.DrawImage(patch, location, 1f));
            var pasted = new RectangleF(
                location.X + centre.X - (faceInPatch.Width / 2), location.Y + centre.Y - (faceInPatch.Height / 2), faceInPatch.Width, faceInPatch.Height);
            faces.Add(new CrowdFace((int)MathF.Round(faceWidth), pasted, rotated, covered));
        }

        return new CrowdCanvas(canvas, faces);
    }

    /// <summary>The face with its surroundings, scaled so the face box is <paramref name="faceWidth"/> wide.</summary>
    private static Image<Rgb24> Patch(Image<Rgb24> photo, RectangleF box, float faceWidth, out RectangleF faceInPatch)
    {
        var scale = faceWidth / box.Width;
        var crop = Rectangle.Intersect(
            Rectangle.Round(RectangleF.Inflate(box, box.Width * Context, box.Height * Context)), new Rectangle(0, 0, photo.Width, photo.Height));
        var patch = photo.Clone(x => x.Crop(crop).Resize(
            Math.Max(1, (int)MathF.Round(crop.Width * scale)), Math.Max(1, (int)MathF.Round(crop.Height * scale)), KnownResamplers.Bicubic));
        var (sx, sy) = ((float)patch.Width / crop.Width, (float)patch.Height / crop.Height);
        faceInPatch = new RectangleF((box.X - crop.X) * sx, (box.Y - crop.Y) * sy, box.Width * sx, box.Height * sy);
        return patch;
    }

    private static RectangleF Offset(RectangleF box, Point by) => new(box.X + by.X, box.Y + by.Y, box.Width, box.Height);

    private static Point? FreeLocation(Random random, Size size, List<Rectangle> taken, int width, int height)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = new Rectangle(random.Next(0, width - size.Width), random.Next(0, height - size.Height), size.Width, size.Height);
            var padded = Rectangle.Inflate(candidate, 4, 4);
            if (!taken.Exists(t => t.IntersectsWith(padded)))
                return candidate.Location;
        }

        return null;
    }

    private static Image<Rgb24> ClutteredBackground(Random random, int width, int height)
    {
        var (top, bottom) = (RandomColour(random), RandomColour(random));
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            var t = (float)y / height;
            var colour = new Rgb24(Mix(top.R, bottom.R, t), Mix(top.G, bottom.G, t), Mix(top.B, bottom.B, t));
            for (var x = 0; x < width; x++)
                image[x, y] = colour;
        }

        for (var i = 0; i < 400; i++)
        {
            var colour = RandomColour(random);
            var (w, h) = (random.Next(10, 200), random.Next(10, 200));
            var (left, topEdge) = (random.Next(-w, width), random.Next(-h, height));
            var ellipse = random.Next(2) == 0;
            for (var y = Math.Max(0, topEdge); y < Math.Min(height, topEdge + h); y++)
            {
                for (var x = Math.Max(0, left); x < Math.Min(width, left + w); x++)
                {
                    var (dx, dy) = ((x - left - (w / 2f)) / (w / 2f), (y - topEdge - (h / 2f)) / (h / 2f));
                    if (!ellipse || (dx * dx) + (dy * dy) <= 1)
                    {
                        var under = image[x, y];
                        image[x, y] = new Rgb24(Mix(under.R, colour.R, 0.7f), Mix(under.G, colour.G, 0.7f), Mix(under.B, colour.B, 0.7f));
                    }
                }
            }
        }

        image.Mutate(x => x.GaussianBlur(1.5f));
        return image;
    }

    private static void Cover(Image<Rgba32> patch, Random random, RectangleF face)
    {
        var colour = RandomColour(random);
        var fill = new Rgba32(colour.R, colour.G, colour.B, 255);
        var region = random.Next(3) switch
        {
            0 => new RectangleF(face.X, face.Y + (face.Height * 0.6f), face.Width, face.Height * 0.4f),   // lower part, like a scarf
            1 => new RectangleF(face.X, face.Y, face.Width * 0.4f, face.Height),                          // left side
            _ => new RectangleF(face.X + (face.Width * 0.6f), face.Y, face.Width * 0.4f, face.Height),    // right side
        };
        var pixels = Rectangle.Intersect(Rectangle.Round(region), new Rectangle(0, 0, patch.Width, patch.Height));
        for (var y = pixels.Top; y < pixels.Bottom; y++)
        {
            for (var x = pixels.Left; x < pixels.Right; x++)
                patch[x, y] = fill;
        }
    }

    /// <summary>Where a point lands after ImageSharp rotates an image about its centre and grows the canvas.</summary>
    private static PointF RotatedPoint(PointF point, Size before, Size after, float degrees)
    {
        var radians = degrees * MathF.PI / 180;
        var (dx, dy) = (point.X - (before.Width / 2f), point.Y - (before.Height / 2f));
        var (cos, sin) = (MathF.Cos(radians), MathF.Sin(radians));
        return new PointF((after.Width / 2f) + (dx * cos) - (dy * sin), (after.Height / 2f) + (dx * sin) + (dy * cos));
    }

    private static Rgb24 RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static byte Mix(byte a, byte b, float t) => (byte)MathF.Round(a + ((b - a) * t));
}
