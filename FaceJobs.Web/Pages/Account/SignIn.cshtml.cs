using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Web.Accounts;
using FaceJobs.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FaceJobs.Web.Pages.Account;

/// <summary>Name and password; failures are counted per account (lockout) and attempts per address (rate limit).</summary>
[EnableRateLimiting(AuthSetup.SignInRateLimitPolicy)]
public sealed class SignInModel(PasswordSignIn signIn, AuditTrail audit, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty, Required, StringLength(200)]
    public string Name { get; set; } = "";

    [BindProperty, Required, StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Refused("Enter your name and password.");

        var (outcome, account) = await signIn.CheckAsync(Name, Password, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(account!));
                logger.LogInformation("{Account} signed in from {Address}", account!.Name, HttpContext.Connection.RemoteIpAddress);
                await audit.RecordAsAsync(HttpContext, account.Name, AuditActions.SignIn, AuditSubjects.Account(account.Name));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                logger.LogWarning("Sign-in refused for locked account {Account} from {Address}", account!.Name, HttpContext.Connection.RemoteIpAddress);
                await RecordFailureAsync("account locked");
                return Refused("This account is locked for a while after repeated failed sign-ins. Try again later or ask an Admin.");
            default:
                logger.LogWarning("Failed sign-in as {Name} from {Address}", Name, HttpContext.Connection.RemoteIpAddress);
                await RecordFailureAsync("wrong name or password");
                return Refused("Wrong name or password.");
        }
    }

    // The name tried, never the password.
    private Task RecordFailureAsync(string reason) =>
        audit.RecordAsAsync(HttpContext, AuditSubjects.Anonymous, AuditActions.SignInFailed, AuditSubjects.Account(Name.Trim()), reason);

    private PageResult Refused(string problem)
    {
        Problem = problem;
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
