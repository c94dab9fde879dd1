using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Web.Accounts;
using FaceJobs.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Admin;

/// <summary>Admins add accounts, change roles, set passwords, unlock and delete (never the last Admin).</summary>
public sealed class AccountsModel(IAccountRepository accounts, AccountAdministration administration, AuditTrail audit) : PageModel
{
    [BindProperty, Required, StringLength(200)]
    public string Name { get; set; } = "";

    [BindProperty]
    public AccountRole Role { get; set; } = AccountRole.Viewer;

    [BindProperty, Required, StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public IReadOnlyList<Core.Data.Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await RefusedAsync(null, cancellationToken);
        var (_, error) = await administration.AddAsync(Name, Role, Password, cancellationToken);
        if (error is not null)
            return await RefusedAsync(error, cancellationToken);
        await audit.RecordAsync(HttpContext, AuditActions.AccountAdd, AuditSubjects.Account(Name.Trim()), $"role {Role}");
        TempData["Notice"] = $"Account {Name.Trim()} added as {Role}.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRoleAsync(long id, AccountRole role, CancellationToken cancellationToken) =>
        DoneAsync(id, () => administration.SetRoleAsync(id, role, cancellationToken), AuditActions.AccountRole, $"role {role}", $"Role changed to {role}.", cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(long id, string password, CancellationToken cancellationToken) =>
        DoneAsync(id, () => administration.SetPasswordAsync(id, password ?? "", cancellationToken), AuditActions.AccountPassword, null,
            "Password set; that account's sessions have ended.", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(id, async () =>
        {
            await accounts.ClearFailuresAsync(id, cancellationToken);
            return null;
        }, AuditActions.AccountUnlock, null, "Account unlocked.", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(id, () => administration.DeleteAsync(id, cancellationToken), AuditActions.AccountDelete, null, "Account deleted.", cancellationToken);

    // The account's name is read before the change, so a deleted account is still named in the audit log.
    private async Task<IActionResult> DoneAsync(
        long id, Func<Task<string?>> change, string auditAction, string? auditDetail, string notice, CancellationToken cancellationToken)
    {
        // The add form's fields are bound (and missing) on these posts too; only this change's error is shown.
        ModelState.Clear();
        if (await accounts.GetAsync(id, cancellationToken) is not { } account)
            return await RefusedAsync("No such account.", cancellationToken);
        if (await change() is { } error)
            return await RefusedAsync(error, cancellationToken);

        await audit.RecordAsync(HttpContext, auditAction, AuditSubjects.Account(account.Name), auditDetail);
        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(string? error, CancellationToken cancellationToken)
    {
        if (error is not null)
            ModelState.AddModelError("", error);
        Password = "";
        await OnGetAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
