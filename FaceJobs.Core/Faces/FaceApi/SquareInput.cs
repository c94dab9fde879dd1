using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
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
    public static void Fill(Image<Rgb24> image, Rectangle region, bool centred, int size, float[] destination)
    {
        var layout = SquareLayout.For(region.Width, region.Height, centred);
        var scale = (float)layout.Side / size;
        var columns = new SourceLine[size];
        for (var x = 0; x < size; x++)
        {
            columns[x] = SourceLine.For(x, scale, layout.Side, layout.PadLeft, region.Width);
        }

        var top = new float[size * 3];
        var bottom = new float[size * 3];
        image.ProcessPixelRows(pixels =>
        {
            for (var y = 0; y < size; y++)
            {
                var row = SourceLine.For(y, scale, layout.Side, layout.PadTop, region.Height);
                InterpolateRow(pixels, region, row.First, columns, top);
                InterpolateRow(pixels, region, row.Second, columns, bottom);
                var output = destination.AsSpan(y * size * 3, size * 3);
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = top[i] + ((bottom[i] - top[i]) * row.Lerp);
                }
            }
        });
    }

    /// <summary>One source row of the padded square, interpolated along x; black for padding rows (-1).</summary>
    private static void InterpolateRow(PixelAccessor<Rgb24> image, Rectangle region, int sourceRow, SourceLine[] columns, float[] result)
    {
        if (sourceRow < 0)
        {
            Array.Clear(result);
            return;
        }

        var pixels = image.GetRowSpan(region.Y + sourceRow).Slice(region.X, region.Width);
        for (var x = 0; x < columns.Length; x++)
        {
            var column = columns[x];
            var left = column.First < 0 ? default : pixels[column.First];
            var right = column.Second < 0 ? default : pixels[column.Second];
            result[3 * x] = left.R + ((right.R - left.R) * column.Lerp);
            result[(3 * x) + 1] = left.G + ((right.G - left.G) * column.Lerp);
            result[(3 * x) + 2] = left.B + ((right.B - left.B) * column.Lerp);
        }
    }

    /// <summary>The two source lines (region indices, -1 in the padding) and the weight of the second, per tf's resizeBilinear.</summary>
    private readonly record struct SourceLine(int First, int Second, float Lerp)
    {
        public static SourceLine For(int output, float scale, int side, int pad, int regionLength)
        {
            var source = output * scale;
            var first = (int)MathF.Floor(source);
            var second = Math.Min(side - 1, (int)MathF.Ceiling(source));
            return new SourceLine(ToRegion(first, pad, regionLength), ToRegion(second, pad, regionLength), source - first);
        }

        private static int ToRegion(int squareIndex, int pad, int regionLength)
        {
            var index = squareIndex - pad;
            return index < 0 || index >= regionLength ? -1 : index;
        }
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
