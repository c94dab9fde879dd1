using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Audit;
using FaceJobs.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Pages;

/// <summary>Upload: checks and stores the files, schedules their jobs, and redirects at once (post/redirect/get).</summary>
[EnableRateLimiting(UploadLimits.PolicyName)]
public sealed class IndexModel(PhotoUploads uploads, IPhotoRepository photos, IOptions<UploadOptions> options) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<IntakeResult> Refused { get; private set; } = [];

    public IReadOnlyList<Photo> Recent { get; private set; } = [];

    public UploadOptions Limits => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Recent = await photos.ListAsync(0, 12, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await uploads.AcceptAsync(HttpContext, Files, cancellationToken);
        if (outcome.RequestProblem is not null)
            ModelState.AddModelError(nameof(Files), outcome.RequestProblem);
        Refused = outcome.Refused;
        if (outcome.Accepted.Count == 0)
            return await RefusedAsync(cancellationToken);

        TempData["Notice"] = Summary(outcome.Accepted, outcome.Refused);
        return outcome.Accepted.Count == 1 && outcome.Refused.Count == 0
            ? RedirectToPage("/Photos/Detail", new { id = outcome.Accepted[0].PhotoId })
            : RedirectToPage("/Photos/Index");
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return this.UnprocessablePage();
    }

    private static string Summary(IReadOnlyList<IntakeResult> accepted, IReadOnlyList<IntakeResult> refused)
    {
        var fresh = accepted.Count(a => !a.AlreadyUploaded);
        var parts = new List<string> { $"{fresh} photo(s) queued for face detection." };
        if (accepted.Count > fresh)
            parts.Add($"{accepted.Count - fresh} already uploaded before (not processed again).");
        parts.AddRange(refused.Select(r => $"Refused {r.FileName}: {r.Error}"));
        return string.Join(" ", parts);
    }
}
