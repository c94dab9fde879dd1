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

/// <summary>One watchlist person: references with their enrollment state; add more references.</summary>
[EnableRateLimiting(UploadLimits.PolicyName)]
public sealed class DetailModel(IPersonRepository people, WatchlistEnrollment enrollment, AuditTrail audit, IOptions<UploadOptions> options) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<PersonReference> References { get; private set; } = [];

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<IntakeResult> Refused { get; private set; } = [];

    public bool Finished => References.All(r => r.Status.IsFinished());

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, cancellationToken) is not { } person)
            return NotFound();
        Person = person;
        References = await people.ListReferencesAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, cancellationToken) is null)
            return NotFound();

        var files = new UploadedFileReader(Files, options.Value);
        var results = await enrollment.AddReferencesAsync(id, files.ReadOneByOneAsync(cancellationToken), recheckEarlierPhotos: true, cancellationToken);
        await audit.RecordReferencesAsync(HttpContext, id, results);
        var refused = files.Refused;
        refused.AddRange(results.Where(r => !r.IsAccepted));
        if (results.Any(r => r.IsAccepted))
        {
            TempData["Notice"] = $"{results.Count(r => r.IsAccepted)} reference photo(s) being enrolled." + string.Concat(refused.Select(r => $" Refused {r.FileName}: {r.Error}"));
            return RedirectToPage(new { id });
        }

        Refused = refused.Count > 0 ? refused : [new IntakeResult("", null, false, "Choose at least one photo.")];
        await OnGetAsync(id, cancellationToken);
        return this.UnprocessablePage();
    }

    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken cancellationToken)
    {
        var references = await people.ListReferencesAsync(id, cancellationToken);
        var version = string.Join(',', references.Select(r => $"{r.Id}:{r.Status}"));
        var finished = references.All(r => r.Status.IsFinished());
        return new JsonResult(new { version, finished });
    }
}
