using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class ChipJitterTests
{
    [Fact]
    public void Transforms_AreTheSame_WhenAskedTwice()
    {
        Assert.Equal(ChipJitter.Transforms(10, 150), ChipJitter.Transforms(10, 150));
    }

    [Fact]
    public void Transforms_DifferFromEachOther_WhenMany()
    {
        var transforms = ChipJitter.Transforms(10, 150);

        Assert.Equal(10, transforms.Distinct().Count());
    }

    [Fact]
    public void Transforms_StayWithinDlibsJitterRanges_WhenSampledOften()
    {
        // dlib: inside the chip less 3 px a side (144 px), shift ±2%, object 97–99.999% of the re-crop, rotation ±3°.
        const int Size = 150;
        var centre = new PointF((Size - 1) / 2f, (Size - 1) / 2f);

        foreach (var t in ChipJitter.Transforms(500, Size, seed: 7))
        {
            var angle = Math.Atan2(t.B, t.A) * 180 / Math.PI;
            var shifted = t.Apply(centre);
            Assert.InRange(angle, -3.0001, 3.0001);
            Assert.InRange(t.Scale, ((144 / 0.99999) - 1) / 149 - 1e-9, ((144 / 0.97) - 1) / 149 + 1e-9);
            Assert.InRange(shifted.X - centre.X, -0.02f * 144 - 1e-3f, 0.02f * 144 + 1e-3f);
            Assert.InRange(shifted.Y - centre.Y, -0.02f * 144 - 1e-3f, 0.02f * 144 + 1e-3f);
        }
    }

    [Fact]
    public void Transforms_ZoomIntoTheChip_SoTheReCropNeverReachesFarOutside()
    {
        // The re-crop's corners land at most a few pixels outside the chip (black there, as in dlib).
        foreach (var t in ChipJitter.Transforms(200, 150))
        {
            foreach (var corner in new PointF[] { new(0, 0), new(149, 0), new(0, 149), new(149, 149) })
            {
                var p = t.Apply(corner);
                Assert.InRange(p.X, -8f, 157f);
                Assert.InRange(p.Y, -8f, 157f);
            }
        }
    }

    [Fact]
    public void Transforms_IsEmpty_WhenNoJitters()
    {
        Assert.Empty(ChipJitter.Transforms(0, 150));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChipJitter.Transforms(-1, 150));
    }
}
