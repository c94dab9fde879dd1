using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FaceJobs.Web.Accounts;

/// <summary>
/// An API key as a program sends it: <c>fj_</c>, a random key id (16 hex digits, not secret, for finding the row),
/// <c>_</c>, and 256 random bits in base64url. Only the SHA-256 of the whole text is stored.
/// </summary>
public sealed record ApiKeyToken(string KeyId, string Text)
{
    public const string Prefix = "fj_";

    private const int KeyIdLength = 16;
    private const int SecretBytes = 32;
    private static readonly int TextLength = Prefix.Length + KeyIdLength + 1 + Base64Url.GetEncodedLength(SecretBytes);

    public static ApiKeyToken New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        return new ApiKeyToken(keyId, $"{Prefix}{keyId}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>The key in <paramref name="text"/>, or null when it is not shaped like one.</summary>
    public static ApiKeyToken? Parse(string? text)
    {
        if (text is null || text.Length != TextLength || !text.StartsWith(Prefix, StringComparison.Ordinal) || text[Prefix.Length + KeyIdLength] != '_')
            return null;
        var keyId = text.Substring(Prefix.Length, KeyIdLength);
        return keyId.All(char.IsAsciiHexDigitLower) ? new ApiKeyToken(keyId, text) : null;
    }

    /// <summary>What is stored and compared: the key is high-entropy, so one fast hash cannot be searched back.</summary>
    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Text));

    /// <summary>Compares in constant time, so the time taken says nothing of how much of a guess was right.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);

    /// <summary>What the page shows of a key to tell it apart: its non-secret start.</summary>
    public static string Shown(string keyId) => $"{Prefix}{keyId}_…";
}
