using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.BlazeFace;
using SixLabors.ImageSharp;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class BlazeFaceMathTests
{
    [Fact]
    public void Generate_Gives896AnchorsCentredInTheirCells_WhenUsingTheBackModelHeads()
    {
        var heads = BlazeFaceAnchors.Heads.Select(h => BlazeFaceAnchors.Generate(h.Cells, h.PerCell)).ToList();

        Assert.Equal(896, heads.Sum(h => h.Length));
        Assert.Equal(512, heads[0].Length);
        Assert.Equal((0.5f / 16, 0.5f / 16), heads[0][0]);
        Assert.Equal(heads[0][0], heads[0][1]);
        Assert.Equal((1.5f / 16, 0.5f / 16), heads[0][2]);
        Assert.Equal((7.5f / 8, 7.5f / 8), heads[1][^1]);
    }

    [Fact]
    public void Decode_OffsetsBoxAndKeypointsFromTheAnchorInInputPixels_WhenScoreIsAboveThreshold()
    {
        (float, float)[] anchors = [(0.25f, 0.5f), (0.75f, 0.75f)];
        float[] scores = [2f, -3f];
        var regressors = new float[32];
        float[] first = [10, -6, 40, 50, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        first.CopyTo(regressors, 0);
        var found = new List<FaceCandidate>();

        BlazeFaceDecoder.Decode(scores, regressors, anchors, 0.5f, 256, found);

        var face = Assert.Single(found);
        Assert.Equal(64 + 10 - 20, face.X, 3);
        Assert.Equal(128 - 6 - 25, face.Y, 3);
        Assert.Equal(40, face.Width, 3);
        Assert.Equal(50, face.Height, 3);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), face.Score, 5);
        Assert.Equal(64 + 1, face.Keypoints[0], 3);
        Assert.Equal(128 + 12, face.Keypoints[11], 3);
    }

    [Fact]
    public void FullRange_Gives2304AnchorsOnA48x48GridRowByRow_ForThe192PixelInput()
    {
        var anchors = BlazeFaceAnchors.FullRange(192);

        Assert.Equal(2304, anchors.Length);
        Assert.Equal((0.5f / 48, 0.5f / 48), anchors[0]);
        Assert.Equal((1.5f / 48, 0.5f / 48), anchors[1]);
        Assert.Equal((0.5f / 48, 1.5f / 48), anchors[48]);
        Assert.Equal((47.5f / 48, 47.5f / 48), anchors[^1]);
    }

    [Fact]
    public void DecodeInterleaved_ReadsScoreThenRegressorsOfEachAnchor_WhenScoreIsAboveThreshold()
    {
        (float, float)[] anchors = [(0.25f, 0.5f), (0.75f, 0.75f)];
        var detections = new float[34];
        detections[0] = -3f;
        float[] second = [2f, 10, -6, 40, 50, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        second.CopyTo(detections, 17);
        var found = new List<FaceCandidate>();

        BlazeFaceDecoder.DecodeInterleaved(detections, anchors, 0.5f, 192, found);

        var face = Assert.Single(found);
        Assert.Equal(144 + 10 - 20, face.X, 3);
        Assert.Equal(144 - 6 - 25, face.Y, 3);
        Assert.Equal(40, face.Width, 3);
        Assert.Equal(50, face.Height, 3);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), face.Score, 5);
        Assert.Equal(144 + 1, face.Keypoints[0], 3);
        Assert.Equal(144 + 12, face.Keypoints[11], 3);
    }

    [Fact]
    public void DecodeInterleaved_Throws_WhenOutputSizeDoesNotMatchAnchors()
    {
        Assert.Throws<ArgumentException>(() => BlazeFaceDecoder.DecodeInterleaved(new float[33], new (float, float)[2], 0.5f, 192, []));
    }

    [Fact]
    public void Decode_Throws_WhenOutputSizeDoesNotMatchAnchors()
    {
        Assert.Throws<ArgumentException>(() =>
            BlazeFaceDecoder.Decode(new float[3], new float[48], new (float, float)[2], 0.5f, 256, []));
    }

    [Fact]
    public void Apply_MergesOverlappingBoxesWeightedByScore_WhenIoUIsAboveThreshold()
    {
        var strong = Candidate(0, 0, 10, 0.9f, keypoint: 0);
        var weak = Candidate(2, 0, 10, 0.3f, keypoint: 4);
        var apart = Candidate(50, 50, 10, 0.6f, keypoint: 50);

        var kept = WeightedNonMaxSuppression.Apply([weak, apart, strong], 0.3f);

        Assert.Equal(2, kept.Count);
        Assert.Equal(0.9f, kept[0].Score);
        Assert.Equal(0.5f, kept[0].X, 4); // (0·0.9 + 2·0.3) / 1.2
        Assert.Equal(1f, kept[0].Keypoints[0], 4);
        Assert.Equal(apart, kept[1]);
    }

    [Fact]
    public void Apply_KeepsBothBoxes_WhenTheyOverlapLessThanThreshold()
    {
        var kept = WeightedNonMaxSuppression.Apply([Candidate(0, 0, 10, 0.9f, 0), Candidate(7, 0, 10, 0.8f, 0)], 0.3f);

        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void ToImage_UndoesScaleAndPadding_WhenRegionIsWiderThanTall()
    {
        var letterbox = Letterbox.Fit(new Rectangle(100, 50, 1024, 512), 256);

        Assert.Equal((256, 128, 0, 64), (letterbox.ScaledWidth, letterbox.ScaledHeight, letterbox.PadLeft, letterbox.PadTop));
        Assert.Equal(new PointF(100, 50), letterbox.ToImage(0, 64));
        Assert.Equal(new PointF(100 + 1024, 50 + 512), letterbox.ToImage(256, 192));

        var mapped = letterbox.ToImage(new FaceCandidate(128, 128, 16, 8, 0.9f, [128, 64]));
        Assert.Equal(new RectangleF(100 + 512, 50 + 256, 64, 32), new RectangleF(mapped.X, mapped.Y, mapped.Width, mapped.Height));
        Assert.Equal([100 + 512, 50], mapped.Keypoints);
    }

    [Fact]
    public void Fit_CentresTheRegionInAHalfSizedSquare_WhenZoomedOutTwice()
    {
        var letterbox = Letterbox.Fit(new Rectangle(0, 0, 200, 100), 256, zoomOut: 2f);

        Assert.Equal((128, 64, 64, 96), (letterbox.ScaledWidth, letterbox.ScaledHeight, letterbox.PadLeft, letterbox.PadTop));
        Assert.Equal(new PointF(0, 0), letterbox.ToImage(64, 96));
        Assert.Equal(new PointF(200, 100), letterbox.ToImage(192, 160));
        var mapped = letterbox.ToImage(new FaceCandidate(96, 112, 64, 32, 0.9f, []));
        Assert.Equal(new RectangleF(50, 25, 100, 50), new RectangleF(mapped.X, mapped.Y, mapped.Width, mapped.Height));
    }

    [Fact]
    public void Plan_CoversTheImageWithOverlappingTilesAtEachLevel_WhenImageIsLargerThanTile()
    {
        var tiles = DetectionTiles.Plan(1000, 600, 300, 0.25f).Select(t => t.Area).ToList();

        var bounds = new Rectangle(0, 0, 1000, 600);
        Assert.All(tiles, t => Assert.True(bounds.Contains(t), $"{t} outside the image"));
        var level300 = tiles.Where(t => t.Width == 300).ToList();
        var level600 = tiles.Where(t => t.Width == 600).ToList();
        Assert.Equal(tiles.Count, level300.Count + level600.Count);
        foreach (var point in new[] { new Point(0, 0), new Point(999, 599), new Point(500, 300), new Point(999, 0) })
        {
            Assert.Contains(level300, t => t.Contains(point));
        }

        var row = level300.Where(t => t.Y == 0).OrderBy(t => t.X).ToList();
        Assert.All(row.Zip(row.Skip(1)), p => Assert.InRange(p.First.Right - p.Second.X, 75, 300));
        Assert.Empty(DetectionTiles.Plan(300, 200, 300, 0.25f));
    }

    [Fact]
    public void Plan_LeavesLargerFacesToTheCoarserLevel_WhenSettingEachTilesMaxFace()
    {
        var tiles = DetectionTiles.Plan(2000, 1500, 400, 0.3f);

        // 400 px tiles hand faces over to 800 px tiles, 800 px to 1500 px tiles, 1500 px tiles to the whole image.
        Assert.All(tiles.Where(t => t.Area.Width == 400), t => Assert.Equal(24f * 800 / 256, t.MaxFaceSide, 3));
        Assert.All(tiles.Where(t => t.Area.Width == 800), t => Assert.Equal(24f * 1500 / 256, t.MaxFaceSide, 3));
        Assert.All(tiles.Where(t => t.Area.Width == 1500), t => Assert.Equal(24f * 2000 / 256, t.MaxFaceSide, 3));
        var tile = tiles[0];
        Assert.True(tile.Reports(Candidate(100, 100, 70, 0.9f, 0), new Size(2000, 1500), 2));
        Assert.False(tile.Reports(Candidate(100, 100, 80, 0.9f, 0), new Size(2000, 1500), 2));
    }

    [Theory]
    [InlineData(1920, 1280, 3f, 384)] // large photo: the configured tile size
    [InlineData(400, 278, 3f, 93)] // small photo: its shorter side over the magnification
    [InlineData(400, 278, 1f, 278)] // no magnification: at most the shorter side, so one level still runs
    [InlineData(150, 120, 3f, 64)] // never below the floor
    public void SmallestTileFor_MagnifiesSmallPhotos_WhenTheShorterSideOverMagnificationIsBelowTileSize(int width, int height, float magnification, int expected)
    {
        var options = new FaceTilingOptions { TileSize = 384, Magnification = magnification, MinTileSize = 64 };

        Assert.Equal(expected, options.SmallestTileFor(width, height));
    }

    [Fact]
    public void IsCutByTileEdge_IsTrueOnlyForInnerEdges_WhenBoxTouchesATileEdge()
    {
        var image = new Size(1000, 1000);
        var tile = new Rectangle(0, 400, 300, 300);

        Assert.True(DetectionTiles.IsCutByTileEdge(Candidate(280, 500, 20, 1, 0), tile, image, 2));
        Assert.True(DetectionTiles.IsCutByTileEdge(Candidate(100, 401, 20, 1, 0), tile, image, 2));
        Assert.False(DetectionTiles.IsCutByTileEdge(Candidate(0, 500, 20, 1, 0), tile, image, 2));
        Assert.False(DetectionTiles.IsCutByTileEdge(Candidate(100, 500, 20, 1, 0), tile, image, 2));
    }

    private static FaceCandidate Candidate(float x, float y, float size, float score, float keypoint) =>
        new(x, y, size, size, score, [keypoint, keypoint, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}
