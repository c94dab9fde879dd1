using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.FaceApi;

/// <summary>
/// face-api's NetInput.toBatchTensor for one image region: pad to a square with black (at the end, or
/// centred), then tf.image.resizeBilinear (alignCorners and halfPixelCenters off) to
/// <c>size</c>×<c>size</c>. Reproduced sample for sample so the converted networks see what face-api's do.
/// </summary>
internal static class SquareInput
{
    /// <summary>Writes the region as float RGB 0..255, NHWC, into <paramref name="destination"/> (size·size·3 values).</summary>
    public static void Fill(Image<Rgb24> image, Rectangle region, bool centred, int size, Span<float> destination)
    {
        var layout = SquareLayout.For(region.Width, region.Height, centred);
        var scale = (float)layout.Side / size;
        Span<float> top = stackalloc float[3];
        Span<float> bottom = stackalloc float[3];
        for (var y = 0; y < size; y++)
        {
            var sourceY = y * scale;
            var y0 = (int)MathF.Floor(sourceY);
            var y1 = Math.Min(layout.Side - 1, (int)MathF.Ceiling(sourceY));
            var yLerp = sourceY - y0;
            for (var x = 0; x < size; x++)
            {
                var sourceX = x * scale;
                var x0 = (int)MathF.Floor(sourceX);
                var x1 = Math.Min(layout.Side - 1, (int)MathF.Ceiling(sourceX));
                var xLerp = sourceX - x0;
                Lerp(image, region, layout, x0, x1, y0, xLerp, top);
                Lerp(image, region, layout, x0, x1, y1, xLerp, bottom);
                var offset = ((y * size) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    destination[offset + c] = top[c] + ((bottom[c] - top[c]) * yLerp);
                }
            }
        }
    }

    private static void Lerp(Image<Rgb24> image, Rectangle region, SquareLayout layout, int x0, int x1, int y, float xLerp, Span<float> result)
    {
        var left = Pixel(image, region, layout, x0, y);
        var right = Pixel(image, region, layout, x1, y);
        result[0] = left.R + ((right.R - left.R) * xLerp);
        result[1] = left.G + ((right.G - left.G) * xLerp);
        result[2] = left.B + ((right.B - left.B) * xLerp);
    }

    private static Rgb24 Pixel(Image<Rgb24> image, Rectangle region, SquareLayout layout, int squareX, int squareY)
    {
        var x = squareX - layout.PadLeft;
        var y = squareY - layout.PadTop;
        return x < 0 || y < 0 || x >= region.Width || y >= region.Height ? default : image[region.X + x, region.Y + y];
    }
}

/// <summary>Where a width×height region sits in face-api's padded square (ops/padToSquare.ts).</summary>
internal readonly record struct SquareLayout(int Side, int PadLeft, int PadTop)
{
    public static SquareLayout For(int width, int height, bool centred)
    {
        var side = Math.Max(width, height);
        var difference = Math.Abs(width - height);

        // padToSquare appends Math.round(diff / 2) when centring (JS rounds halves up) and prepends the rest.
        var before = centred ? difference - (int)Math.Floor((difference / 2.0) + 0.5) : 0;
        return width < height ? new SquareLayout(side, before, 0) : new SquareLayout(side, 0, before);
    }
}
