using System.Text;

namespace FaceJobs.PipelineBenchmark;

/// <summary>Makes a JPEG with different bytes but the same pixels, by inserting a comment segment after the SOI marker.</summary>
internal static class JpegVariant
{
    public static byte[] WithComment(byte[] jpeg, string comment)
    {
        var text = Encoding.ASCII.GetBytes(comment);
        var length = text.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. text, .. jpeg[2..]];
    }
}
