using System.Buffers.Binary;

namespace FaceJobs.Core.Faces;

/// <summary>Distance between descriptors and their storage form (float32, little-endian).</summary>
public static class FaceDistance
{
    public static float Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Descriptors differ in length ({a.Length} and {b.Length}).");
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return (float)Math.Sqrt(sum);
    }

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
