using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// Distinct uploads made from the fixture photos: each is decoded, one corner pixel nudged by its number and encoded
/// again, so every upload is a new photo (the app stores identical bytes once) with the same faces. Made before the
/// run, so encoding does not compete with the app for the CPU.
/// </summary>
internal sealed class PhotoVariants
{
    private static readonly JpegEncoder Encoder = new() { Quality = 90 };
    private readonly List<(string Name, byte[] Content)> _variants = [];
    private int _next = -1;

    public PhotoVariants(IReadOnlyList<string> sources, int count)
    {
        var images = sources.Select(path => (Name: Path.GetFileNameWithoutExtension(path), Image: Image.Load<Rgb24>(path))).ToList();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var (name, image) = images[i % images.Count];
                var round = i / images.Count;
                image[0, 0] = new Rgb24((byte)round, (byte)(round >> 8), (byte)(i % 251));
                using var stream = new MemoryStream();
                image.SaveAsJpeg(stream, Encoder);
                _variants.Add(($"{name}-{i}.jpg", stream.ToArray()));
            }
        }
        finally
        {
            images.ForEach(i => i.Image.Dispose());
        }
    }

    public int Count => _variants.Count;

    public IReadOnlyList<(string Name, byte[] Content)> All => _variants;

    /// <summary>Hands the variants out again from the first, for the next mode (a fresh app that has none of them).</summary>
    public void Restart() => Interlocked.Exchange(ref _next, -1);

    /// <summary>The next unused variant; null when all were handed out.</summary>
    public (string Name, byte[] Content)? Take()
    {
        var index = Interlocked.Increment(ref _next);
        return index < _variants.Count ? _variants[index] : null;
    }
}
