using FaceJobs.ModelConversion.Networks;

namespace FaceJobs.Tests.Unit.ModelConversion;

public sealed class TfSamePaddingTests
{
    [Theory]
    [InlineData(512, 3, 2, 0, 1, 256)]   // TF pads only the end at stride 2 on even sizes
    [InlineData(7, 3, 2, 1, 1, 4)]
    [InlineData(32, 3, 1, 1, 1, 32)]
    [InlineData(16, 1, 2, 0, 0, 8)]
    public void For_MatchesTensorFlowSamePadding_ForSizeKernelStride(int size, int kernel, int stride, int begin, int end, int output) =>
        Assert.Equal((begin, end, output), TfSamePadding.For(size, kernel, stride));
}
