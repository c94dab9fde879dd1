using FaceJobs.Core.Faces.Ssd;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SsdTilingTests
{
    [Fact]
    public void Tiles_CoverEveryPixelWithQuarterOverlap_WhenImageIsLargerThanTile()
    {
        var tiles = SsdTiling.Tiles(1600, 1200, 512);

        Assert.All(tiles, t => Assert.Equal(new Size(512, 512), t.Size));
        Assert.Equal([0, 384, 768, 1088], tiles.Select(t => t.X).Distinct());
        Assert.Equal([0, 384, 688], tiles.Select(t => t.Y).Distinct());
    }

    [Fact]
    public void Tiles_IsOneClippedTile_WhenImageIsSmallerThanTile() =>
        Assert.Equal([new Rectangle(0, 0, 300, 200)], SsdTiling.Tiles(300, 200, 512));

    [Theory]
    [InlineData(384, 500, true)]    // on the tile's left edge, which lies inside the image
    [InlineData(420, 500, false)]
    [InlineData(0, 0, false)]       // on the tile's top-left, which is the image border
    public void TouchesInnerEdge_IsTrueOnlyForEdgesInsideTheImage(float x, float y, bool expected)
    {
        var tile = x < 100 ? new Rectangle(0, 0, 512, 512) : new Rectangle(384, 384, 512, 512);

        Assert.Equal(expected, SsdTiling.TouchesInnerEdge(new RectangleF(x, y, 20, 20), tile, 1600, 1200));
    }
}
