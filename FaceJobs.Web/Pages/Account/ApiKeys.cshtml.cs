using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Web.Accounts;
using FaceJobs.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Account;

/// <summary>
/// Any signed-in account creates and revokes its own API keys here. A new key is shown once, in the answer to the
/// form (never through TempData, which travels in a cookie), and only its hash is stored.
/// </summary>
public sealed class ApiKeysModel(IApiKeyRepository keys, ApiKeyIssuer issuer, AuditTrail audit) : PageModel
{
    [BindProperty, Required, StringLength(ApiKeyIssuer.MaxNameLength)]
    public string Name { get; set; } = "";

    /// <summary>The key just created, shown this once.</summary>
    public string? CreatedKey { get; private set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Keys = await keys.ListByAccountAsync(AccountId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (key, error) = ModelState.IsValid ? await issuer.CreateAsync(AccountId, Name, cancellationToken) : (null, null);
        if (error is not null)
            ModelState.AddModelError(nameof(Name), error);
        if (key is null)
        {
            await OnGetAsync(cancellationToken);
            return this.UnprocessablePage();
        }

        CreatedKey = key;
        await audit.RecordAsync(HttpContext, AuditActions.ApiKeyCreate, AuditSubjects.Account(User.Identity!.Name!), Name);
        Response.Headers.CacheControl = "no-store";
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var revoked = await issuer.RevokeAsync(AccountId, id, cancellationToken);
        if (revoked)
            await audit.RecordAsync(HttpContext, AuditActions.ApiKeyRevoke, AuditSubjects.Account(User.Identity!.Name!), $"key {id}");
        TempData["Notice"] = revoked ? "Key revoked: requests with it are refused from now on." : "No such key in use.";
        return RedirectToPage();
    }

    private long AccountId => User.AccountId() ?? throw new InvalidOperationException("The page is for signed-in accounts only.");
}
