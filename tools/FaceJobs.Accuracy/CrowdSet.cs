using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Accuracy;

/// <summary>A synthetic crowd photo and the true boxes of the faces pasted into it.</summary>
internal sealed record CrowdPhoto(Image<Rgb24> Image, IReadOnlyList<CrowdFace> Faces);

internal sealed record CrowdFace(RectangleF Box, bool Rotated, bool Covered);

/// <summary>
/// Builds crowd photos from a deterministic seed: cluttered procedural backgrounds (no faces in them)
/// with faces from the sample photos pasted at 12–96 px box width (log-uniform), a quarter of them
/// rotated by 10–35°, a fifth partly covered by a block over the lower or one side 40%.
/// </summary>
internal sealed class CrowdSet(IReadOnlyList<(Image<Rgb24> Photo, RectangleF Box)> sourceFaces, int seed)
{
    public const int Width = 1600;
    public const int Height = 1200;
    private const int PlacementTries = 200;
    private const float MinFace = 12;
    private const float MaxFace = 96;

    public IEnumerable<CrowdPhoto> Generate(int photos, int facesPerPhoto)
    {
        var random = new Random(seed);
        for (var p = 0; p < photos; p++)
        {
            yield return Compose(random, facesPerPhoto);
        }
    }

    private CrowdPhoto Compose(Random random, int faceCount)
    {
        var canvas = Background(random);
        var faces = new List<CrowdFace>();
        var taken = new List<Rectangle>();
        for (var f = 0; f < faceCount; f++)
        {
            var (source, box) = sourceFaces[random.Next(sourceFaces.Count)];
            var width = MinFace * MathF.Pow(MaxFace / MinFace, (float)random.NextDouble());
            var scale = width / box.Width;
            var rotated = random.NextDouble() < 0.25;
            var covered = random.NextDouble() < 0.2;
            var angle = rotated ? (float)((random.Next(2) == 0 ? -1 : 1) * (10 + (25 * random.NextDouble()))) : 0;

            // Paste the face with 30% context around its box, so hair and chin edges are natural.
            var context = RectangleF.Inflate(box, box.Width * 0.3f, box.Height * 0.3f);
            var crop = Rectangle.Intersect(Rectangle.Round(context), new Rectangle(0, 0, source.Width, source.Height));
            using var patch = source.Clone(x => x.Crop(crop)).CloneAs<Rgba32>();
            patch.Mutate(x => x.Resize(Math.Max(1, (int)MathF.Round(crop.Width * scale)), Math.Max(1, (int)MathF.Round(crop.Height * scale)), KnownResamplers.Bicubic));
            var faceCentreInPatch = new PointF((box.X + (box.Width / 2) - crop.X) * scale, (box.Y + (box.Height / 2) - crop.Y) * scale);
            if (covered)
            {
                Cover(patch, random, faceCentreInPatch, box.Width * scale, box.Height * scale);
            }

            if (rotated)
            {
                var before = patch.Size();
                patch.Mutate(x => x.Rotate(angle));
                faceCentreInPatch = RotatedCentre(faceCentreInPatch, before, patch.Size(), angle);
            }

            // Patches never overlap, so no face hides another; a face that finds no free place is skipped.
            if (FreeLocation(random, patch.Size(), taken) is not { } location)
            {
                continue;
            }

            taken.Add(new Rectangle(location, patch.Size()));
            canvas.Mutate(x => x.DrawImage(patch, location, 1f));
            var size = new SizeF(width, box.Height * scale);
            var pastedCentre = new PointF(location.X + faceCentreInPatch.X, location.Y + faceCentreInPatch.Y);
            faces.Add(new CrowdFace(new RectangleF(pastedCentre.X - (size.Width / 2), pastedCentre.Y - (size.Height / 2), size.Width, size.Height), rotated, covered));
        }

        return new CrowdPhoto(canvas, faces);
    }

    private static Point? FreeLocation(Random random, Size size, List<Rectangle> taken)
    {
        for (var attempt = 0; attempt < PlacementTries; attempt++)
        {
            var candidate = new Rectangle(random.Next(0, Width - size.Width), random.Next(0, Height - size.Height), size.Width, size.Height);
            var padded = Rectangle.Inflate(candidate, 4, 4);
            if (!taken.Exists(t => t.IntersectsWith(padded)))
            {
                return candidate.Location;
            }
        }

        return null;
    }

    private static Image<Rgb24> Background(Random random)
    {
        var top = RandomColour(random);
        var bottom = RandomColour(random);
        var image = new Image<Rgb24>(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            var t = (float)y / Height;
            var colour = new Rgb24(Mix(top.R, bottom.R, t), Mix(top.G, bottom.G, t), Mix(top.B, bottom.B, t));
            for (var x = 0; x < Width; x++)
            {
                image[x, y] = colour;
            }
        }

        for (var i = 0; i < 400; i++)
        {
            var colour = RandomColour(random);
            var (w, h) = (random.Next(10, 200), random.Next(10, 200));
            var (left, topEdge) = (random.Next(-w, Width), random.Next(-h, Height));
            var ellipse = random.Next(2) == 0;
            for (var y = Math.Max(0, topEdge); y < Math.Min(Height, topEdge + h); y++)
            {
                for (var x = Math.Max(0, left); x < Math.Min(Width, left + w); x++)
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

    private static void Cover(Image<Rgba32> patch, Random random, PointF centre, float faceWidth, float faceHeight)
    {
        var colour = RandomColour(random);
        var fill = new Rgba32(colour.R, colour.G, colour.B, 255);
        var (left, top) = (centre.X - (faceWidth / 2), centre.Y - (faceHeight / 2));
        var region = random.Next(3) switch
        {
            0 => new RectangleF(left, top + (faceHeight * 0.6f), faceWidth, faceHeight * 0.4f),   // lower part, like a scarf
            1 => new RectangleF(left, top, faceWidth * 0.4f, faceHeight),                          // left side
            _ => new RectangleF(left + (faceWidth * 0.6f), top, faceWidth * 0.4f, faceHeight),     // right side
        };
        var pixels = Rectangle.Intersect(Rectangle.Round(region), new Rectangle(0, 0, patch.Width, patch.Height));
        for (var y = pixels.Top; y < pixels.Bottom; y++)
        {
            for (var x = pixels.Left; x < pixels.Right; x++)
            {
                patch[x, y] = fill;
            }
        }
    }

    /// <summary>Where a point lands after ImageSharp rotates an image about its centre and grows the canvas.</summary>
    private static PointF RotatedCentre(PointF point, Size before, Size after, float degrees)
    {
        var radians = degrees * MathF.PI / 180;
        var (dx, dy) = (point.X - (before.Width / 2f), point.Y - (before.Height / 2f));
        var (cos, sin) = (MathF.Cos(radians), MathF.Sin(radians));
        return new PointF((after.Width / 2f) + (dx * cos) - (dy * sin), (after.Height / 2f) + (dx * sin) + (dy * cos));
    }

    private static Rgb24 RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static byte Mix(byte a, byte b, float t) => (byte)MathF.Round(a + ((b - a) * t));
}
