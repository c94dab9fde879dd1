using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.Ssd;

/// <summary>
/// Overlapping square tiles for finding faces too small for SSD at whole-photo scale: its smallest
/// anchors are 51 px of the 512 px input, so a face needs roughly 30 input pixels to be found.
/// </summary>
internal static class SsdTiling
{
    /// <summary>Tiles of <paramref name="tileSize"/> (clipped to the image) overlapping by a quarter, covering it all.</summary>
    public static IReadOnlyList<Rectangle> Tiles(int width, int height, int tileSize)
    {
        var xs = Starts(width, tileSize);
        var ys = Starts(height, tileSize);
        return ys.SelectMany(y => xs.Select(x => new Rectangle(x, y, Math.Min(tileSize, width - x), Math.Min(tileSize, height - y)))).ToArray();
    }

    /// <summary>
    /// Whether a box found in <paramref name="tile"/> touches one of its edges that lies inside the
    /// image: such a face was cut by the tile and is found whole by a neighbouring tile.
    /// </summary>
    public static bool TouchesInnerEdge(RectangleF box, Rectangle tile, int imageWidth, int imageHeight, float margin = 2)
    {
        return (tile.Left > 0 && box.Left <= tile.Left + margin)
            || (tile.Top > 0 && box.Top <= tile.Top + margin)
            || (tile.Right < imageWidth && box.Right >= tile.Right - margin)
            || (tile.Bottom < imageHeight && box.Bottom >= tile.Bottom - margin);
    }

    private static List<int> Starts(int length, int tileSize)
    {
        var step = tileSize - (tileSize / 4);
        var starts = new List<int> { 0 };
        while (starts[^1] + tileSize < length)
        {
            starts.Add(Math.Min(starts[^1] + step, length - tileSize));
        }

        return starts;
    }
}
