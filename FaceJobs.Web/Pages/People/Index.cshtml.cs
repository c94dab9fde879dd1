using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Audit;
using FaceJobs.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Pages.People;

/// <summary>The watchlist: list people, add one with reference photos, remove one.</summary>
[EnableRateLimiting(UploadLimits.PolicyName)]
public sealed class IndexModel(IPersonRepository people, WatchlistEnrollment enrollment, AuditTrail audit, IOptions<UploadOptions> options) : PageModel
{
    [BindProperty, Required, StringLength(200)]
    public string Name { get; set; } = "";

    [BindProperty, StringLength(2000)]
    public string? Notes { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool RecheckEarlierPhotos { get; set; } = true;

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<IntakeResult> Refused { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await people.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Files.Count == 0)
            ModelState.AddModelError(nameof(Files), "Add at least one reference photo of the person.");
        if (!ModelState.IsValid)
            return await InvalidAsync(cancellationToken);

        var files = new UploadedFileReader(Files, options.Value);
        if (!files.AnyWithinLimit)
        {
            Refused = await RefusedWithoutReadingAsync(files, cancellationToken);
            return await InvalidAsync(cancellationToken);
        }

        var personId = await people.AddPersonAsync(Name.Trim(), string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(), cancellationToken);
        await audit.RecordAsync(HttpContext, AuditActions.PersonAdd, AuditSubjects.Person(personId), Name.Trim());
        var results = await enrollment.AddReferencesAsync(personId, files.ReadOneByOneAsync(cancellationToken), RecheckEarlierPhotos, cancellationToken);
        await audit.RecordReferencesAsync(HttpContext, personId, results);
        var refused = files.Refused;
        refused.AddRange(results.Where(r => !r.IsAccepted));
        TempData["Notice"] = $"{Name} added with {results.Count(r => r.IsAccepted)} reference photo(s) being enrolled."
            + string.Concat(refused.Select(r => $" Refused {r.FileName}: {r.Error}"));
        return RedirectToPage("/People/Detail", new { id = personId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(id, cancellationToken);
        if (person is not null && await people.DeleteAsync(id, cancellationToken))
        {
            await audit.RecordAsync(HttpContext, AuditActions.PersonRemove, AuditSubjects.Person(id), person.Name);
            TempData["Notice"] = $"{person.Name} removed from the watchlist.";
        }
        return RedirectToPage();
    }

    // Every file is over the limit: walking them records why, and reads none.
    private static async Task<List<IntakeResult>> RefusedWithoutReadingAsync(UploadedFileReader files, CancellationToken cancellationToken)
    {
        await foreach (var _ in files.ReadOneByOneAsync(cancellationToken))
        {
        }

        return files.Refused;
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return this.UnprocessablePage();
    }
}
