using System.Buffers.Binary;

namespace FaceJobs.Core.Photos;

/// <summary>Structural checks that an image file was not cut off (an interrupted upload or a damaged copy).</summary>
internal static class ImageCompleteness
{
    public static bool IsComplete(ReadOnlySpan<byte> bytes, string mimeType) => mimeType switch
    {
        "image/jpeg" => JpegHasEndAfterScan(bytes),
        "image/png" => PngReachesEnd(bytes),
        "image/webp" => RiffLengthFits(bytes),
        _ => false,
    };

    /// <summary>
    /// Walks the marker segments to the first start-of-scan, then looks for end-of-image. Inside scan data every
    /// 0xFF byte is stuffed (FF 00) or a restart marker, so FF D9 there is the real end; an EXIF thumbnail's own
    /// FF D9 lies before the first scan and cannot fool this.
    /// </summary>
    internal static bool JpegHasEndAfterScan(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
            return false;
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
                return false;
            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            if (marker == 0xDA)
            {
                var scan = position + 2 + length;
                return scan <= bytes.Length && bytes[scan..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
            }

            position += 2 + length;
        }

        return false;
    }

    internal static bool PngReachesEnd(ReadOnlySpan<byte> bytes)
    {
        var position = 8;
        while (position + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > int.MaxValue)
                return false;
            var type = bytes.Slice(position + 4, 4);
            var next = position + 12L + length;
            if (next > bytes.Length)
                return false;
            if (type.SequenceEqual("IEND"u8))
                return true;
            position = (int)next;
        }

        return false;
    }

    internal static bool RiffLengthFits(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) + 8L <= bytes.Length;
}
