using FaceJobs.Core.Faces.FaceApi;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SquareLayoutTests
{
    [Theory]
    [InlineData(10, 15, false, 15, 0, 0)]
    [InlineData(10, 15, true, 15, 2, 0)]   // face-api appends round(5 / 2) = 3 and prepends 2
    [InlineData(16, 10, true, 16, 0, 3)]
    [InlineData(12, 12, true, 12, 0, 0)]
    public void For_PadsLikeFaceApisPadToSquare_WhenRegionIsNotSquare(int width, int height, bool centred, int side, int padLeft, int padTop) =>
        Assert.Equal(new SquareLayout(side, padLeft, padTop), SquareLayout.For(width, height, centred));
}
