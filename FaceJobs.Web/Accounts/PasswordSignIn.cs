using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Accounts;

public enum SignInOutcome
{
    Succeeded,
    WrongNameOrPassword,
    LockedOut,
}

/// <summary>Checks a name and password, counting failures and locking the account after too many in a row.</summary>
public sealed class PasswordSignIn(IAccountRepository accounts, IPasswordHasher<Account> hasher, IOptions<AccountOptions> options, TimeProvider clock)
{
    // Verified against when the name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly string UnknownAccountHash = new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<(SignInOutcome Outcome, Account? Account)> CheckAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        var account = await accounts.FindByNameAsync(name.Trim(), cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (account?.LockedUntilUnixSeconds > now)
            return (SignInOutcome.LockedOut, account);

        var verdict = hasher.VerifyHashedPassword(null!, account?.PasswordHash ?? UnknownAccountHash, password);
        if (account is null)
            return (SignInOutcome.WrongNameOrPassword, null);

        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = await accounts.RecordFailedSignInAsync(account.Id, cancellationToken);
            if (failures < options.Value.LockoutFailures)
                return (SignInOutcome.WrongNameOrPassword, account);
            await accounts.LockAsync(account.Id, now + options.Value.LockoutMinutes * 60L, cancellationToken);
            return (SignInOutcome.LockedOut, account);
        }

        await accounts.ClearFailuresAsync(account.Id, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await accounts.SetPasswordHashAsync(account.Id, hasher.HashPassword(null!, password), account.SecurityStamp, cancellationToken);
        return (SignInOutcome.Succeeded, account);
    }
}
