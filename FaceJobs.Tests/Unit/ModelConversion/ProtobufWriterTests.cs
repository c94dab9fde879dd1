using FaceJobs.ModelConversion.Onnx;
using Xunit;

namespace FaceJobs.Tests.Unit.ModelConversion;

/// <summary>Expected bytes from the protobuf encoding guide (https://protobuf.dev/programming-guides/encoding/).</summary>
public sealed class ProtobufWriterTests
{
    [Fact]
    public void WriteInt64_WritesTagAndVarint_WhenValueNeedsTwoBytes()
    {
        var writer = new ProtobufWriter();

        writer.WriteInt64(1, 150);

        Assert.Equal([0x08, 0x96, 0x01], writer.ToArray());
    }

    [Fact]
    public void WriteInt64_WritesTenByteVarint_WhenValueIsNegative()
    {
        var writer = new ProtobufWriter();

        writer.WriteInt64(1, -1);

        Assert.Equal([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], writer.ToArray());
    }

    [Fact]
    public void WriteMessage_PrefixesNestedBodyWithItsLength_WhenMessageIsEmbedded()
    {
        var writer = new ProtobufWriter();

        writer.WriteMessage(3, nested => nested.WriteInt64(1, 150));

        Assert.Equal([0x1A, 0x03, 0x08, 0x96, 0x01], writer.ToArray());
    }

    [Fact]
    public void WriteString_WritesUtf8WithLength_WhenGivenText()
    {
        var writer = new ProtobufWriter();

        writer.WriteString(2, "testing");

        Assert.Equal([0x12, 0x07, .. "testing"u8.ToArray()], writer.ToArray());
    }

    [Fact]
    public void WriteFloat_WritesFixed32LittleEndian_WhenGivenFloat()
    {
        var writer = new ProtobufWriter();

        writer.WriteFloat(2, 1f);

        Assert.Equal([0x15, 0x00, 0x00, 0x80, 0x3F], writer.ToArray());
    }
}
