using System.ComponentModel.DataAnnotations;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Pages.People;

/// <summary>The watchlist: list people, add one with reference photos, remove one.</summary>
public sealed class IndexModel(IPersonRepository people, WatchlistEnrollment enrollment, IOptions<UploadOptions> options) : PageModel
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

        var (files, refused) = await UploadedFileReader.ReadAsync(Files, options.Value, cancellationToken);
        if (files.Count == 0)
        {
            Refused = refused;
            return await InvalidAsync(cancellationToken);
        }

        var personId = await people.AddPersonAsync(Name.Trim(), string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(), cancellationToken);
        var results = await enrollment.AddReferencesAsync(personId, files, RecheckEarlierPhotos, cancellationToken);
        refused.AddRange(results.Where(r => !r.IsAccepted));
        TempData["Notice"] = $"{Name} added with {results.Count(r => r.IsAccepted)} reference photo(s) being enrolled."
            + string.Concat(refused.Select(r => $" Refused {r.FileName}: {r.Error}"));
        return RedirectToPage("/People/Detail", new { id = personId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(id, cancellationToken);
        if (person is not null && await people.DeleteAsync(id, cancellationToken))
            TempData["Notice"] = $"{person.Name} removed from the watchlist.";
        return RedirectToPage();
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return this.UnprocessablePage();
    }
}
