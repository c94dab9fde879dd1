using FaceJobs.Core.Faces;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class DescriptorDistanceTests
{
    [Fact]
    public void Euclidean_ReturnsStraightLineDistance_WhenGivenTwoVectors()
    {
        Assert.Equal(5f, DescriptorDistance.Euclidean([1, 2, 0], [4, 6, 0]), 5);
        Assert.Equal(0f, DescriptorDistance.Euclidean([0.3f, -0.2f], [0.3f, -0.2f]));
    }

    [Fact]
    public void Euclidean_Throws_WhenLengthsDiffer()
    {
        Assert.Throws<ArgumentException>(() => DescriptorDistance.Euclidean([1, 2], [1, 2, 3]));
    }
}
