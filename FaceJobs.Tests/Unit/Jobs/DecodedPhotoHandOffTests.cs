using FaceJobs.Core.Jobs;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Unit.Jobs;

public sealed class DecodedPhotoHandOffTests
{
    private readonly SteppedClock _clock = new();

    private DecodedPhotoHandOff HandOff(int megapixels = 1, int seconds = 60) =>
        new(Options.Create(new PipelineOptions { HandOffMegapixels = megapixels, HandOffSeconds = seconds }), _clock);

    [Fact]
    public void Take_GivesTheImageOnce_WhenItWasGiven()
    {
        using var handOff = HandOff();
        using var image = new Image<Rgb24>(100, 100);

        handOff.Give(7, image);

        Assert.Same(image, handOff.Take(7));
        Assert.Null(handOff.Take(7));
        Assert.Null(handOff.Take(8));
    }

    [Fact]
    public void Give_DropsTheOldestImages_WhenTheirPixelsPassTheLimit()
    {
        using var handOff = HandOff(megapixels: 1);
        var images = Enumerable.Range(0, 3).Select(_ => new Image<Rgb24>(600, 600)).ToList();

        for (var id = 0; id < images.Count; id++)
            handOff.Give(id, images[id]);

        // 3 × 0.36 MP is over 1 MP, so the first one went (and was disposed); two fit.
        Assert.Null(handOff.Take(0));
        Assert.Throws<ObjectDisposedException>(() => images[0].CloneAs<Rgb24>());
        using var second = handOff.Take(1);
        using var third = handOff.Take(2);
        Assert.Same(images[1], second);
        Assert.Same(images[2], third);
    }

    [Fact]
    public void Take_GivesNothing_WhenTheImageWaitedLongerThanAllowed()
    {
        using var handOff = HandOff(seconds: 60);
        var image = new Image<Rgb24>(10, 10);
        handOff.Give(1, image);

        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Null(handOff.Take(1));
        Assert.Throws<ObjectDisposedException>(() => image.CloneAs<Rgb24>());
    }

    [Fact]
    public void Give_KeepsNothing_WhenTheHandOffIsOff()
    {
        using var handOff = HandOff(megapixels: 0);
        var image = new Image<Rgb24>(10, 10);

        handOff.Give(1, image);

        Assert.Null(handOff.Take(1));
        Assert.Throws<ObjectDisposedException>(() => image.CloneAs<Rgb24>());
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
