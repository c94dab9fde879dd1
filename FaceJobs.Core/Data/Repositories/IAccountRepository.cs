namespace FaceJobs.Core.Data.Repositories;

/// <summary>Accounts that sign in to the pages, the dashboard and the API.</summary>
public interface IAccountRepository
{
    /// <summary>Adds an account; returns its id, or null when the name is taken.</summary>
    Task<long?> AddAsync(string name, AccountRole role, string passwordHash, string securityStamp, CancellationToken cancellationToken = default);

    Task<Account?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>By name, ignoring case.</summary>
    Task<Account?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>By name.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(AccountRole? role = null, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in; returns the failures so far.</summary>
    Task<int> RecordFailedSignInAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Refuses sign-in until <paramref name="untilUnixSeconds"/> and starts counting failures again.</summary>
    Task LockAsync(long id, long untilUnixSeconds, CancellationToken cancellationToken = default);

    /// <summary>Clears failures and any lock (after a successful sign-in, or by an admin).</summary>
    Task ClearFailuresAsync(long id, CancellationToken cancellationToken = default);

    Task SetRoleAsync(long id, AccountRole role, string securityStamp, CancellationToken cancellationToken = default);

    Task SetPasswordHashAsync(long id, string passwordHash, string securityStamp, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
