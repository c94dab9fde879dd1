using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// Square, overlapping tiles over an image so that small faces reach the detector at a usable size.
/// <paramref name="grid"/> tiles span the longer side; the shorter side gets as many as it needs.
/// </summary>
internal static class DetectionTiles
{
    public static IReadOnlyList<Rectangle> Plan(int width, int height, int grid, float overlap)
    {
        if (grid < 2)
        {
            return [];
        }

        var longer = Math.Max(width, height);
        var side = Math.Min((int)Math.Ceiling(longer / (float)grid * (1 + overlap)), Math.Min(width, height));
        var tiles = new List<Rectangle>();
        foreach (var y in Starts(height, side, overlap))
        {
            foreach (var x in Starts(width, side, overlap))
            {
                tiles.Add(new Rectangle(x, y, side, side));
            }
        }

        return tiles;
    }

    /// <summary>True when the box touches a tile edge that is not also an image edge: the face may be cut.</summary>
    public static bool IsCutByTileEdge(FaceCandidate box, Rectangle tile, Size image, float margin)
    {
        return (tile.Left > 0 && box.X < tile.Left + margin)
            || (tile.Top > 0 && box.Y < tile.Top + margin)
            || (tile.Right < image.Width && box.Right > tile.Right - margin)
            || (tile.Bottom < image.Height && box.Bottom > tile.Bottom - margin);
    }

    private static IEnumerable<int> Starts(int length, int side, float overlap)
    {
        if (side >= length)
        {
            yield return 0;
            yield break;
        }

        var step = side * (1 - overlap);
        var count = (int)Math.Ceiling((length - side) / step) + 1;
        for (var i = 0; i < count; i++)
        {
            yield return (int)Math.Round((double)(length - side) * i / (count - 1));
        }
    }
}
