using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Hands a photo's decoded pixels from the detect job to the recognize job when both run in this process, so the
/// recognize job reads and decodes the photo only when the hand-off missed (another process, a re-run, an eviction).
/// Bounded by <c>Pipeline:HandOffMegapixels</c> in all (oldest out first) and by <c>Pipeline:HandOffSeconds</c> each, so
/// photos recognised in another process cannot pile up here.
/// </summary>
public sealed class DecodedPhotoHandOff(IOptions<PipelineOptions> options, TimeProvider clock) : IDisposable
{
    private readonly long _maxPixels = (long)options.Value.HandOffMegapixels * 1_000_000;
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(options.Value.HandOffSeconds);
    private readonly LinkedList<Entry> _entries = new();
    private long _pixels;

    /// <summary>Keeps the image for the photo's recognize job; the hand-off owns it from here and disposes it when dropped.</summary>
    public void Give(long photoId, Image<Rgb24> image)
    {
        var entry = new Entry(photoId, image, clock.GetUtcNow());
        if (entry.Pixels > _maxPixels)
        {
            image.Dispose();
            return;
        }

        lock (_entries)
        {
            Remove(photoId)?.Image.Dispose();
            _entries.AddLast(entry);
            _pixels += entry.Pixels;
            var oldestKept = entry.At - _maxAge;
            while (_entries.First is { } first && (_pixels > _maxPixels || first.Value.At < oldestKept))
            {
                _entries.RemoveFirst();
                _pixels -= first.Value.Pixels;
                first.Value.Image.Dispose();
            }
        }
    }

    /// <summary>The photo's decoded image if this process still holds it; the caller then owns it.</summary>
    public Image<Rgb24>? Take(long photoId)
    {
        Entry? entry;
        lock (_entries)
            entry = Remove(photoId);
        if (entry is null || entry.At < clock.GetUtcNow() - _maxAge)
        {
            entry?.Image.Dispose();
            return null;
        }

        return entry.Image;
    }

    public void Dispose()
    {
        lock (_entries)
        {
            foreach (var entry in _entries)
                entry.Image.Dispose();
            _entries.Clear();
            _pixels = 0;
        }
    }

    private Entry? Remove(long photoId)
    {
        for (var node = _entries.First; node is not null; node = node.Next)
        {
            if (node.Value.PhotoId == photoId)
            {
                _entries.Remove(node);
                _pixels -= node.Value.Pixels;
                return node.Value;
            }
        }

        return null;
    }

    private sealed record Entry(long PhotoId, Image<Rgb24> Image, DateTimeOffset At)
    {
        public long Pixels { get; } = (long)Image.Width * Image.Height;
    }
}
