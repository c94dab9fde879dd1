using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Real photos cut or re-encoded for tests, and deliberately broken files.</summary>
public static class TestImages
{
    /// <summary>A JPEG of a region of a photo, given in fractions of its width and height.</summary>
    public static byte[] CropJpeg(string path, float left, float top, float right, float bottom)
    {
        using var image = Image.Load<Rgb24>(path);
        var region = Rectangle.FromLTRB((int)(left * image.Width), (int)(top * image.Height), (int)(right * image.Width), (int)(bottom * image.Height));
        image.Mutate(x => x.Crop(region));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 92 });
        return output.ToArray();
    }

    /// <summary>
    /// The photo re-encoded with <paramref name="number"/> written in its top-left corner as black and white pixels: a
    /// distinct upload of the same scene (a faint change of one pixel can vanish in JPEG quantisation).
    /// </summary>
    public static byte[] DistinctJpeg(string path, int number)
    {
        using var image = Image.Load<Rgb24>(path);
        return Numbered(image, number);
    }

    /// <summary>A region of a photo (as <see cref="CropJpeg"/>) with <paramref name="number"/> written in as <see cref="DistinctJpeg"/> does.</summary>
    public static byte[] DistinctCropJpeg(string path, float left, float top, float right, float bottom, int number)
    {
        using var image = Image.Load<Rgb24>(path);
        image.Mutate(x => x.Crop(Rectangle.FromLTRB((int)(left * image.Width), (int)(top * image.Height), (int)(right * image.Width), (int)(bottom * image.Height))));
        return Numbered(image, number);
    }

    private static byte[] Numbered(Image<Rgb24> image, int number)
    {
        for (var bit = 0; bit < 16; bit++)
            image[bit, 0] = (number >> bit & 1) == 1 ? new Rgb24(255, 255, 255) : new Rgb24(0, 0, 0);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 95 });
        return output.ToArray();
    }

    /// <summary>The first part of a real JPEG, as an interrupted upload leaves it.</summary>
    public static byte[] Truncated(string path, double keep = 0.6)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[..(int)(bytes.Length * keep)];
    }

    /// <summary>
    /// A valid PNG header that claims <paramref name="width"/>×<paramref name="height"/> pixels with almost no data: a
    /// decompression bomb's shape. Only the header is real; nothing here should ever decode it.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // RGB
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        Span<byte> crcBytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        stream.Write(crcBytes);
    }

    /// <summary>
    /// A real two-frame animated WebP: two still WebP frames from ImageSharp's encoder wrapped in the extended
    /// container's VP8X (animation flag), ANIM and ANMF chunks, as libwebp's img2webp writes them.
    /// </summary>
    public static byte[] AnimatedWebP(int width = 32, int height = 24)
    {
        var frames = new[] { SixLabors.ImageSharp.Color.Red, SixLabors.ImageSharp.Color.Blue }.Select(color =>
        {
            using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(width, height, color);
            using var still = new MemoryStream();
            image.Save(still, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder());
            return still.ToArray()[12..]; // the frame's chunk(s), without RIFF size WEBP
        }).ToArray();

        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        Chunk(body, "VP8X", [0x02, 0, 0, 0, .. UInt24(width - 1), .. UInt24(height - 1)]);
        Chunk(body, "ANIM", [0, 0, 0, 0, 0, 0]);
        foreach (var frame in frames)
            Chunk(body, "ANMF", [.. UInt24(0), .. UInt24(0), .. UInt24(width - 1), .. UInt24(height - 1), .. UInt24(100), 0, .. frame]);
        using var file = new MemoryStream();
        file.Write("RIFF"u8);
        file.Write(BitConverter.GetBytes((uint)body.Length));
        body.WriteTo(file);
        return file.ToArray();

        static byte[] UInt24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

        static void Chunk(Stream stream, string fourCc, byte[] payload)
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(fourCc));
            stream.Write(BitConverter.GetBytes((uint)payload.Length));
            stream.Write(payload);
            if (payload.Length % 2 == 1)
                stream.WriteByte(0);
        }
    }
}
