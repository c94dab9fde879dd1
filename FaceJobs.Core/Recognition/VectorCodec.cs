using System.Runtime.InteropServices;

namespace FaceJobs.Core.Recognition;

/// <summary>Float vectors (descriptors, keypoints) as the float32 little-endian bytes the database stores.</summary>
public static class VectorCodec
{
    public static byte[] ToBytes(ReadOnlySpan<float> values)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Stored vectors are little-endian.");
        return MemoryMarshal.AsBytes(values).ToArray();
    }

    public static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new ArgumentException($"A float32 vector needs a multiple of 4 bytes, got {bytes.Length}.", nameof(bytes));
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
