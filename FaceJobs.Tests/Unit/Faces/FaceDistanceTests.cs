using FaceJobs.Core.Faces;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class FaceDistanceTests
{
    [Fact]
    public void Euclidean_ReturnsStraightLineDistance_WhenGivenTwoVectors()
    {
        Assert.Equal(5f, FaceDistance.Euclidean([1, 2, 0], [4, 6, 0]), 5);
        Assert.Equal(0f, FaceDistance.Euclidean([0.3f, -0.2f], [0.3f, -0.2f]));
    }

    [Fact]
    public void Euclidean_Throws_WhenLengthsDiffer()
    {
        Assert.Throws<ArgumentException>(() => FaceDistance.Euclidean([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void ToBytes_WritesFloat32LittleEndian_WhenGivenDescriptor()
    {
        var bytes = FaceDistance.ToBytes([1f, -2.5f]);

        Assert.Equal(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0 }, bytes);
        Assert.Equal([1f, -2.5f], FaceDistance.FromBytes(bytes));
    }

    [Fact]
    public void FromBytes_Throws_WhenLengthIsNotAMultipleOfFour()
    {
        Assert.Throws<ArgumentException>(() => FaceDistance.FromBytes(new byte[6]));
    }
}
