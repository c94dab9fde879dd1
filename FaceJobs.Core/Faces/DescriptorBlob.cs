using System.Buffers.Binary;

namespace FaceJobs.Core.Faces;

/// <summary>The storage form of a face descriptor: float32 values, little-endian, as stored in the database.</summary>
public static class DescriptorBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> descriptor)
    {
        var bytes = new byte[descriptor.Length * sizeof(float)];
        for (var i = 0; i < descriptor.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), descriptor[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"{bytes.Length} bytes is not a whole number of float32 values.");
        }

        var descriptor = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < descriptor.Length; i++)
        {
            descriptor[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * sizeof(float)));
        }

        return descriptor;
    }
}
