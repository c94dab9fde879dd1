using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Admin;

/// <summary>Admins add accounts, change roles, set passwords, unlock and delete (never the last Admin).</summary>
public sealed class AccountsModel(IAccountRepository accounts, AccountAdministration administration) : PageModel
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
        TempData["Notice"] = $"Account {Name.Trim()} added as {Role}.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRoleAsync(long id, AccountRole role, CancellationToken cancellationToken) =>
        DoneAsync(administration.SetRoleAsync(id, role, cancellationToken), $"Role changed to {role}.", cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(long id, string password, CancellationToken cancellationToken) =>
        DoneAsync(administration.SetPasswordAsync(id, password ?? "", cancellationToken), "Password set; that account's sessions have ended.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken cancellationToken)
    {
        await accounts.ClearFailuresAsync(id, cancellationToken);
        TempData["Notice"] = "Account unlocked.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken) =>
        DoneAsync(administration.DeleteAsync(id, cancellationToken), "Account deleted.", cancellationToken);

    private async Task<IActionResult> DoneAsync(Task<string?> change, string notice, CancellationToken cancellationToken)
    {
        if (await change is { } error)
        {
            ModelState.Clear();
            return await RefusedAsync(error, cancellationToken);
        }

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
