namespace FaceJobs.Core.Photos;

/// <summary>
/// Recognises an animated WebP from its header: a RIFF/WEBP file whose VP8X chunk sets the animation flag
/// (https://developers.google.com/speed/webp/docs/riff_container#extended_file_format). ImageSharp cannot read
/// those, and saying "not an image" about one would be wrong.
/// </summary>
internal static class AnimatedImage
{
    private const byte AnimationFlag = 0x02;

    public static bool IsAnimatedWebP(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 21
        && bytes[..4].SequenceEqual("RIFF"u8)
        && bytes[8..12].SequenceEqual("WEBP"u8)
        && bytes[12..16].SequenceEqual("VP8X"u8)
        && (bytes[20] & AnimationFlag) != 0;
}
