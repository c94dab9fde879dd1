using FaceJobs.Core.Faces;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class DescriptorBlobTests
{
    [Fact]
    public void ToBytes_WritesFloat32LittleEndian_WhenGivenDescriptor()
    {
        var bytes = DescriptorBlob.ToBytes([1f, -2.5f]);

        Assert.Equal(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0 }, bytes);
        Assert.Equal([1f, -2.5f], DescriptorBlob.FromBytes(bytes));
    }

    [Fact]
    public void FromBytes_Throws_WhenLengthIsNotAMultipleOfFour()
    {
        Assert.Throws<ArgumentException>(() => DescriptorBlob.FromBytes(new byte[6]));
    }
}
