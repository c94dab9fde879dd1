namespace FaceJobs.Core.Data;

/// <summary>What a signed-in person may do. Stored as its integer value.</summary>
public enum AccountRole
{
    /// <summary>Sees everything, changes nothing.</summary>
    Viewer = 0,

    /// <summary>Uploads, edits the watchlist, processes again, retries and deletes jobs.</summary>
    Operator = 1,

    /// <summary>Everything an operator does, and manages accounts.</summary>
    Admin = 2,
}

/// <summary>A person who signs in. The password is kept only as ASP.NET Core Identity's hash of it.</summary>
public sealed class Account
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public AccountRole Role { get; init; }
    public required string PasswordHash { get; init; }

    /// <summary>Changes whenever the password or role changes, so sessions signed in before that end.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Unix seconds until which sign-in is refused; null when not locked.</summary>
    public long? LockedUntilUnixSeconds { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}
