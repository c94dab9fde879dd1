using System.Security.Claims;
using System.Threading.RateLimiting;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Accounts;

/// <summary>
/// Cookie sign-in, one policy per role, and the rule that everything needs sign-in unless it says otherwise
/// (the fallback policy): only /health, the sign-in page, the error page and static files are open.
/// </summary>
public static class AuthSetup
{
    public const string SignInRateLimitPolicy = "sign-in";
    public const string SignInPath = "/Account/SignIn";

    public static void AddFaceJobsAuth(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<AccountAdministration>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
            {
                cookie.Cookie.Name = "FaceJobs.SignIn";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(accounts.Value.SessionHours);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = SignInPath;
                cookie.LogoutPath = "/Account/SignOut";
                cookie.AccessDeniedPath = "/Account/Denied";
                cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = EndSessionIfAccountChangedAsync;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.ViewerPolicy, policy => policy.RequireRole(Roles.Viewers))
            .AddPolicy(Roles.OperatorPolicy, policy => policy.RequireRole(Roles.Operators))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admins))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.Viewers).Build());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimitPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                    return RateLimitPartition.GetNoLimiter("read");
                var perMinute = http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }

    /// <summary>The signed-in account as the role policies see it, for a session (the default) or an API key.</summary>
    public static ClaimsPrincipal PrincipalFor(Account account, string authenticationType = CookieAuthenticationDefaults.AuthenticationScheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, account.Role.ToString()),
            new Claim(SecurityStampClaim, account.SecurityStamp),
        ],
        authenticationType));

    private const string SecurityStampClaim = "facejobs:stamp";

    // Pages answer a person with the sign-in (or denied) page; programs (the API, media, the pages' JSON status
    // polls) get the status code.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var isProgram = request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/media")
            || request.Headers.Accept.ToString().StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        if (isProgram)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    // A cookie outlives a change of role or password, or the account's deletion, by no more than one request.
    private static async Task EndSessionIfAccountChangedAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.AccountId();
        var account = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<IAccountRepository>().GetAsync(id.Value, context.HttpContext.RequestAborted);
        if (account is not null && account.SecurityStamp == context.Principal!.FindFirstValue(SecurityStampClaim))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
