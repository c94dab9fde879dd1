using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Unit.Photos;

public sealed class ImageValidatorTests
{
    private static ImageValidator Validator(long maxBytes = 20 << 20, long maxPixels = 40_000_000) =>
        new(Options.Create(new UploadOptions { MaxFileBytes = maxBytes, MaxPixels = maxPixels }));

    [Fact]
    public void Check_AcceptsJpegWithItsSize_WhenRealPhoto()
    {
        var check = Validator().Check(File.ReadAllBytes(TestPaths.Sample(1)));

        Assert.True(check.IsAccepted, check.Error);
        Assert.Equal("image/jpeg", check.ContentType);
        using var image = Image.Load(TestPaths.Sample(1));
        Assert.Equal((image.Width, image.Height), (check.Width, check.Height));
    }

    [Fact]
    public void Check_AcceptsPng_WhenRealPng()
    {
        Assert.True(Validator().Check(File.ReadAllBytes(TestPaths.Identity("amy", 1))).IsAccepted);
    }

    [Fact]
    public void Check_SaysAnimated_WhenAnimatedWebP()
    {
        var check = Validator().Check(TestImages.AnimatedWebP());

        Assert.False(check.IsAccepted);
        Assert.Contains("Animated images are not accepted", check.Error);
    }

    [Fact]
    public void Check_AcceptsStillWebP_WhenNotAnimated()
    {
        using var image = new Image<Rgba32>(32, 24, Color.Green);
        using var still = new MemoryStream();
        image.Save(still, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder());

        var check = Validator().Check(still.ToArray());

        Assert.True(check.IsAccepted, check.Error);
        Assert.Equal("image/webp", check.ContentType);
    }

    [Fact]
    public void Check_Refuses_WhenTextNamedLikeAnImage()
    {
        var check = Validator().Check("this is not a photo at all"u8.ToArray());

        Assert.False(check.IsAccepted);
        Assert.Contains("not a readable image", check.Error);
    }

    [Fact]
    public void Check_Refuses_WhenEmpty()
    {
        Assert.Contains("empty", Validator().Check([]).Error);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public void Check_RefusesTruncated_WhenJpegIsCutOff(double keep)
    {
        var check = Validator().Check(TestImages.Truncated(TestPaths.Sample(2), keep));

        Assert.False(check.IsAccepted);
        Assert.Contains("truncated", check.Error);
    }

    [Fact]
    public void Check_RefusesTruncated_WhenPngIsCutOff()
    {
        var check = Validator().Check(TestImages.Truncated(TestPaths.Identity("raj", 2), 0.7));

        Assert.False(check.IsAccepted);
    }

    [Fact]
    public void Check_RefusesOversize_WhenOverByteLimit()
    {
        var bytes = File.ReadAllBytes(TestPaths.Sample(3));

        var check = Validator(maxBytes: bytes.Length - 1).Check(bytes);

        Assert.False(check.IsAccepted);
        Assert.Contains("limit", check.Error);
    }

    [Fact]
    public void Check_RefusesBeforeDecoding_WhenHeaderClaimsHugePixelCount()
    {
        var bomb = TestImages.PngClaiming(60_000, 60_000);

        var check = Validator().Check(bomb);

        Assert.False(check.IsAccepted);
        Assert.Contains("60000×60000", check.Error);
    }

    [Fact]
    public void Check_ReportsUprightSize_WhenExifRotatesByQuarterTurn()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);

        var check = Validator().Check(stream.ToArray());

        Assert.True(check.IsAccepted, check.Error);
        Assert.Equal((image.Height, image.Width), (check.Width, check.Height));
    }
}
