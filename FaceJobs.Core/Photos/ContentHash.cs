using System.Security.Cryptography;

namespace FaceJobs.Core.Photos;

/// <summary>The key photo bytes are stored under: the same bytes uploaded twice are one photo.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
