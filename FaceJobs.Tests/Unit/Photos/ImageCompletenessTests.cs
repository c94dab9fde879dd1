using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Unit.Photos;

public sealed class ImageCompletenessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void JpegHasEndAfterScan_True_WhenWholeSamplePhoto(int sample)
    {
        Assert.True(ImageCompleteness.JpegHasEndAfterScan(File.ReadAllBytes(TestPaths.Sample(sample))));
    }

    [Fact]
    public void JpegHasEndAfterScan_False_WhenOnlyTheExifThumbnailEnds()
    {
        // Cut just before the main image's end marker: the embedded EXIF thumbnail still has its own FF D9.
        var bytes = File.ReadAllBytes(TestPaths.Sample(1));

        Assert.False(ImageCompleteness.JpegHasEndAfterScan(bytes.AsSpan(0, bytes.Length - 2)));
    }

    [Fact]
    public void PngReachesEnd_False_WhenLastChunkMissing()
    {
        var bytes = File.ReadAllBytes(TestPaths.Identity("penny", 1));

        Assert.True(ImageCompleteness.PngReachesEnd(bytes));
        Assert.False(ImageCompleteness.PngReachesEnd(bytes.AsSpan(0, bytes.Length - 12)));
    }
}
