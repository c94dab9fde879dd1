using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// Square, overlapping tiles over an image so that small faces reach the detector at a usable size.
/// A pyramid: tiles of <c>tileSize</c> pixels, then twice that, and so on while smaller than the image, so a face
/// too big to fit whole in a small tile is found in a larger one. Neighbours share <c>overlap</c> of a tile.
/// </summary>
internal static class DetectionTiles
{
    /// <summary>
    /// Side of a face, in model-input pixels, from which the next coarser level is trusted to find it. A tile only
    /// reports faces below that size: larger ones are the coarser level's, and the extra looks at big faces and
    /// background that a small tile gives only add false positives.
    /// </summary>
    public const float CoarserLevelFindsFacesFrom = 24f;

    public static IReadOnlyList<DetectionTile> Plan(int width, int height, int tileSize, float overlap, int inputSize = 256)
    {
        var longer = Math.Max(width, height);
        var tiles = new List<DetectionTile>();
        for (var size = tileSize; size < longer; size *= 2)
        {
            var side = Math.Min(size, Math.Min(width, height));
            var coarserSide = 2 * size < longer ? Math.Min(2 * size, Math.Min(width, height)) : longer;
            var maxFaceSide = CoarserLevelFindsFacesFrom * coarserSide / inputSize;
            foreach (var y in Starts(height, side, overlap))
            {
                foreach (var x in Starts(width, side, overlap))
                {
                    tiles.Add(new DetectionTile(new Rectangle(x, y, side, side), maxFaceSide));
                }
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

/// <summary>One tile and the largest face (box side, image pixels) it reports.</summary>
internal readonly record struct DetectionTile(Rectangle Area, float MaxFaceSide)
{
    public bool Reports(FaceCandidate face, Size image, float edgeMargin) =>
        Math.Max(face.Width, face.Height) < MaxFaceSide && !DetectionTiles.IsCutByTileEdge(face, Area, image, edgeMargin);
}
