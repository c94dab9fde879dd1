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
public sealed class IndexModel(PhotoIntake intake, IPhotoRepository photos, AuditTrail audit, IOptions<UploadOptions> options) : PageModel
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
        if (Files.Count == 0)
            ModelState.AddModelError(nameof(Files), "Choose at least one photo.");
        else if (Files.Count > Limits.MaxFilesPerRequest)
            ModelState.AddModelError(nameof(Files), $"At most {Limits.MaxFilesPerRequest} photos at once, please.");
        if (!ModelState.IsValid)
            return await RefusedAsync(cancellationToken);

        var files = new UploadedFileReader(Files, Limits);
        var accepted = new List<IntakeResult>();
        var refused = files.Refused;
        await foreach (var (fileName, content) in files.ReadOneByOneAsync(cancellationToken))
        {
            var result = await intake.AcceptAsync(fileName, content, cancellationToken);
            (result.IsAccepted ? accepted : refused).Add(result);
            if (result is { PhotoId: { } photoId, AlreadyUploaded: false })
                await audit.RecordAsync(HttpContext, AuditActions.PhotoUpload, AuditSubjects.Photo(photoId));
        }

        Refused = refused;
        if (accepted.Count == 0)
            return await RefusedAsync(cancellationToken);

        TempData["Notice"] = Summary(accepted, refused);
        return accepted.Count == 1 && refused.Count == 0
            ? RedirectToPage("/Photos/Detail", new { id = accepted[0].PhotoId })
            : RedirectToPage("/Photos/Index");
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return this.UnprocessablePage();
    }

    private static string Summary(List<IntakeResult> accepted, List<IntakeResult> refused)
    {
        var fresh = accepted.Count(a => !a.AlreadyUploaded);
        var parts = new List<string> { $"{fresh} photo(s) queued for face detection." };
        if (accepted.Count > fresh)
            parts.Add($"{accepted.Count - fresh} already uploaded before (not processed again).");
        parts.AddRange(refused.Select(r => $"Refused {r.FileName}: {r.Error}"));
        return string.Join(" ", parts);
    }
}
