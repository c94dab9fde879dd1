using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Accounts;

/// <summary>Creates and changes accounts for the <c>accounts</c> command and the Admin page; passwords only as hashes.</summary>
public sealed class AccountAdministration(IAccountRepository accounts, IPasswordHasher<Account> hasher, IOptions<AccountOptions> options)
{
    /// <summary>Adds an account; returns its id, or an error a person can act on.</summary>
    public async Task<(long? Id, string? Error)> AddAsync(string name, AccountRole role, string password, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
            return (null, "A name is 1 to 200 characters, without control characters.");
        if (PasswordProblem(password) is { } problem)
            return (null, problem);

        var id = await accounts.AddAsync(name, role, Hash(password), NewStamp(), cancellationToken);
        return id is null ? (null, $"There is already an account named {name}.") : (id, null);
    }

    public async Task<string?> SetPasswordAsync(long id, string password, CancellationToken cancellationToken = default)
    {
        if (PasswordProblem(password) is { } problem)
            return problem;
        await accounts.SetPasswordHashAsync(id, Hash(password), NewStamp(), cancellationToken);
        return null;
    }

    /// <summary>Changes a role; refuses to leave no Admin.</summary>
    public async Task<string?> SetRoleAsync(long id, AccountRole role, CancellationToken cancellationToken = default)
    {
        if (await accounts.GetAsync(id, cancellationToken) is not { } account)
            return "No such account.";
        if (account.Role == AccountRole.Admin && role != AccountRole.Admin && await accounts.CountAsync(AccountRole.Admin, cancellationToken) <= 1)
            return "This is the last Admin; make another account Admin first.";
        await accounts.SetRoleAsync(id, role, NewStamp(), cancellationToken);
        return null;
    }

    /// <summary>Deletes an account; refuses to delete the last Admin.</summary>
    public async Task<string?> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        if (await accounts.GetAsync(id, cancellationToken) is not { } account)
            return "No such account.";
        if (account.Role == AccountRole.Admin && await accounts.CountAsync(AccountRole.Admin, cancellationToken) <= 1)
            return "This is the last Admin; make another account Admin first.";
        await accounts.DeleteAsync(id, cancellationToken);
        return null;
    }

    private string? PasswordProblem(string password) =>
        password.Length < options.Value.MinimumPasswordLength || password.Length > 256
            ? $"A password is {options.Value.MinimumPasswordLength} to 256 characters."
            : null;

    // The hasher ignores the user argument (PBKDF2 with a per-hash salt).
    private string Hash(string password) => hasher.HashPassword(null!, password);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
