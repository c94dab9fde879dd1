using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Web.Accounts;

/// <summary>Bound from <c>Accounts</c>: sign-in, lockout and session settings.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Failed sign-ins in a row after which the account is locked.</summary>
    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (POSTs) per minute from one address, whatever the account; then 429.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 8;

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;
}
