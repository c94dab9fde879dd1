namespace FaceJobs.Core.Data;

/// <summary>
/// A key a program signs in with as its account. Only the SHA-256 of the key is stored; <see cref="KeyId"/> is the
/// key's non-secret part, shown on the page and used to find the row.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public required string KeyId { get; init; }
    public required string Name { get; init; }
    public required byte[] SecretHash { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? LastUsedAtUtc { get; init; }

    /// <summary>Null while the key is in use; a revoked key is kept, so the page shows what happened to it.</summary>
    public DateTime? RevokedAtUtc { get; init; }

    public bool IsRevoked => RevokedAtUtc is not null;
}
