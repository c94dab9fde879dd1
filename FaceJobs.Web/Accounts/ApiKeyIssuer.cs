using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Web.Accounts;

/// <summary>Creates and revokes an account's API keys (the API keys page); a key's text is returned once and never stored.</summary>
public sealed class ApiKeyIssuer(IApiKeyRepository keys)
{
    public const int MaxNameLength = 100;

    /// <summary>Creates a key; returns its text (to show once), or an error a person can act on.</summary>
    public async Task<(string? Key, string? Error)> CreateAsync(long accountId, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
            return (null, $"A key's name is 1 to {MaxNameLength} characters, without control characters.");

        var token = ApiKeyToken.New();
        await keys.AddAsync(accountId, token.KeyId, name, token.Hash(), cancellationToken);
        return (token.Text, null);
    }

    /// <summary>Revokes a key of this account only; false when it has no such key in use.</summary>
    public Task<bool> RevokeAsync(long accountId, long keyId, CancellationToken cancellationToken = default) =>
        keys.RevokeAsync(keyId, accountId, cancellationToken);
}
