using FaceJobs.Core.Faces.Ssd;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SsdBoxDecoderTests
{
    [Fact]
    public void Decode_ReturnsTheAnchor_WhenEncodingIsZero()
    {
        var box = SsdBoxDecoder.Decode([0, 0, 0, 0], [0.1f, 0.2f, 0.5f, 0.4f]);

        Assert.Equal(0.1f, box.Top, 1e-6f);
        Assert.Equal(0.2f, box.Left, 1e-6f);
        Assert.Equal(0.5f, box.Bottom, 1e-6f);
        Assert.Equal(0.4f, box.Right, 1e-6f);
    }

    [Fact]
    public void Decode_ShiftsByATenthAndScalesByExpOfAFifth_WhenEncodingIsOne()
    {
        var box = SsdBoxDecoder.Decode([1, 1, 5, 5], [0f, 0f, 1f, 1f]);

        // centre 0.5 + 1/10, half size e/2
        Assert.Equal(0.6f - (MathF.E / 2), box.Top, 1e-6f);
        Assert.Equal(0.6f + (MathF.E / 2), box.Right, 1e-6f);
    }
}
