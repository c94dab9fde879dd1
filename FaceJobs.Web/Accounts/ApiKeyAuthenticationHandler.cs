using System.Text.Encodings.Web;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Accounts;

/// <summary>
/// Signs a program in as the account that owns the API key it sends (<c>Authorization: Bearer fj_…</c> or
/// <c>X-Api-Key: fj_…</c>), with that account's name and current role, so the role policies hold for keys as for
/// sessions. The account is read on every request: a role change, a revoked key or a deleted account counts at once.
/// Refusals are problem details, 401 with <c>WWW-Authenticate: Bearer</c> and 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IApiKeyRepository keys, IAccountRepository accounts, IProblemDetailsService problems, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    // "Last used" is for a person deciding which key to revoke: a minute's precision spares a write per request.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Whether the request carries a key at all (as opposed to, say, a sign-in cookie).</summary>
    public static bool CarriesKey(HttpRequest request) => KeyText(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = KeyText(Request);
        if (text is null)
            return AuthenticateResult.NoResult();
        if (ApiKeyToken.Parse(text) is not { } token)
            return AuthenticateResult.Fail("The API key is not in the fj_… form the API keys page gives.");

        var key = await keys.FindByKeyIdAsync(token.KeyId, Context.RequestAborted);
        if (key is null || !token.Matches(key.SecretHash))
            return AuthenticateResult.Fail("The API key is not known.");
        if (key.IsRevoked)
            return AuthenticateResult.Fail("The API key was revoked.");
        if (await accounts.GetAsync(key.AccountId, Context.RequestAborted) is not { } account)
            return AuthenticateResult.Fail("The API key's account no longer exists.");

        if (key.LastUsedAtUtc is not { } lastUsed || clock.GetUtcNow().UtcDateTime - lastUsed > LastUsedPrecision)
            await keys.MarkUsedAsync(key.Id, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(AuthSetup.PrincipalFor(account, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required", failure
            ?? $"Send an API key as 'Authorization: Bearer fj_…' or '{HeaderName}: fj_…'; create one on /Account/ApiKeys. The API does not take the sign-in cookie.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this role",
            $"The key's account is {Context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "without a role"}; this needs an Operator or Admin.");
    }

    // A client that accepts no JSON gets the status alone.
    private async Task WriteProblemAsync(int status, string title, string detail) => await problems.TryWriteAsync(new ProblemDetailsContext
    {
        HttpContext = Context,
        ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
    });

    private static string? KeyText(HttpRequest request)
    {
        const string bearer = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return authorization[bearer.Length..].Trim();
        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }
}
