using FaceJobs.Core.Faces.Alignment;
using FaceJobs.Core.Faces.Landmarks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class ChipSamplerTests
{
    [Fact]
    public void Sample_MovesAPixelToItsInverseTransformedPlace_WhenTransformRotatesAndShifts()
    {
        using var image = new Image<Rgb24>(40, 40);
        image[25, 12] = new Rgb24(255, 255, 255);
        var chipToImage = new SimilarityTransform(0, 1, 30, 5); // 90° turn: image (x, y) = (30 − cy, 5 + cx)

        using var chip = Sample(image, chipToImage, 20);

        // (25, 12) = (30 − 5, 5 + 7) comes from chip pixel (7, 5).
        Assert.Equal(new Rgb24(255, 255, 255), chip[7, 5]);
        Assert.Equal(1, CountLit(chip));
    }

    [Fact]
    public void Sample_LeavesBlack_WhereTheChipFallsOutsideTheImage()
    {
        using var image = new Image<Rgb24>(10, 10, new Rgb24(200, 100, 50));

        using var chip = Sample(image, new SimilarityTransform(1, 0, -5, -5), 10);

        Assert.Equal(default, chip[0, 0]);
        Assert.Equal(new Rgb24(200, 100, 50), chip[7, 7]);
    }

    [Fact]
    public void Sample_AveragesSubsamples_WhenShrinkingByTwo()
    {
        using var image = new Image<Rgb24>(20, 20);
        for (var y = 0; y < 20; y++)
            for (var x = 0; x < 20; x += 2)
                image[x, y] = new Rgb24(200, 200, 200); // vertical stripes one pixel wide

        using var chip = Sample(image, new SimilarityTransform(2, 0, 0.5, 0.5), 8);

        Assert.InRange(chip[4, 4].R, 90, 110);
    }

    private static Image<Rgb24> Sample(Image<Rgb24> image, SimilarityTransform transform, int size) => ChipSampler.Sample(image, transform, size);

    private static int CountLit(Image<Rgb24> chip)
    {
        var lit = 0;
        for (var y = 0; y < chip.Height; y++)
            for (var x = 0; x < chip.Width; x++)
                lit += chip[x, y].R > 0 ? 1 : 0;
        return lit;
    }
}
