using FaceJobs.Core.Data;
using FaceJobs.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Account;

/// <summary>Ends the session (POST only, with the antiforgery token, so no link or image can sign anyone out).</summary>
public sealed class SignOutModel(AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } name })
            await audit.RecordAsync(HttpContext, AuditActions.SignOut, AuditSubjects.Account(name));
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Account/SignIn");
    }
}
