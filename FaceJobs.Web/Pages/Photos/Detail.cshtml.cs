using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Core.Recognition;
using FaceJobs.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Photos;

/// <summary>One photo: its stages, face boxes, crops and watchlist matches, refreshed while jobs run.</summary>
public sealed class DetailModel(
    IPhotoRepository photos, IFaceRepository faces, IMatchRepository matches, IPersonRepository people, IAlertRepository alerts, PhotoPipeline pipeline,
    FaceJobs.Web.Hosting.PipelineActivity activity, IdentifiableFaces identifiable, PhotoDeletion deletion, AuditTrail audit)
    : PageModel
{
    public Photo Photo { get; private set; } = null!;

    public IReadOnlyList<Face> Faces { get; private set; } = [];

    public IReadOnlyList<MatchView> Matches { get; private set; } = [];

    /// <summary>Faces too small to identify: shown, never matched.</summary>
    public bool IsTooSmall(Face face) => identifiable.IsTooSmall(face);

    /// <summary>An enrolled reference of each matched person, to show beside the match.</summary>
    public IReadOnlyDictionary<long, long> ReferenceByPerson { get; private set; } = new Dictionary<long, long>();

    public IReadOnlyList<AlertDelivery> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await photos.GetAsync(id, cancellationToken) is not { } photo)
            return NotFound();

        Photo = photo;
        Faces = await faces.ListByPhotoAsync(id, cancellationToken);
        Matches = await matches.ListByPhotoAsync(id, cancellationToken);
        Alerts = await alerts.ListByPhotoAsync(id, cancellationToken);
        var references = new Dictionary<long, long>();
        foreach (var personId in Matches.Select(m => m.PersonId).Distinct())
        {
            var enrolled = (await people.ListReferencesAsync(personId, cancellationToken)).FirstOrDefault(r => r.Status == StageStatus.Succeeded);
            if (enrolled is not null)
                references[personId] = enrolled.Id;
        }

        ReferenceByPerson = references;
        return Page();
    }

    /// <summary>
    /// Schedules the whole chain again, e.g. after scheduling failed or the watchlist changed. The jobs replace what
    /// they wrote before and alerts already sent are not sent again.
    /// </summary>
    public async Task<IActionResult> OnPostReprocessAsync(long id, CancellationToken cancellationToken)
    {
        if (await photos.GetAsync(id, cancellationToken) is not { } photo)
            return NotFound();

        var started = await activity.StartUnlessActiveAsync(photo, async () =>
        {
            await photos.SetStageStatusAsync(id, PipelineStage.Detect, StageStatus.Pending, null, cancellationToken);
            await photos.SetStageStatusAsync(id, PipelineStage.Recognize, StageStatus.Pending, null, cancellationToken);
            await photos.SetStageStatusAsync(id, PipelineStage.Alert, StageStatus.Pending, null, cancellationToken);
            await pipeline.StartAsync(id, cancellationToken);
        });
        if (started)
            await audit.RecordAsync(HttpContext, AuditActions.PhotoProcessAgain, AuditSubjects.Photo(id));
        TempData["Notice"] = started
            ? "Queued again for detection, recognition and alerts."
            : "Not queued again: this photo's jobs are still waiting or running. Try again when they have finished.";
        return RedirectToPage(new { id });
    }

    /// <summary>Deletes the photo with its bytes, faces, matches and alert records; its waiting jobs are taken off the queues.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await deletion.DeleteAsync(id, cancellationToken) is null)
            return NotFound();

        await audit.RecordAsync(HttpContext, AuditActions.PhotoDelete, AuditSubjects.Photo(id));
        TempData["Notice"] = $"Photo {id} deleted with its faces, matches and alert records.";
        return RedirectToPage("/Photos/Index");
    }

    /// <summary>Polled by the page while jobs run; the page reloads when the state changes.</summary>
    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken cancellationToken) =>
        await photos.GetAsync(id, cancellationToken) is { } photo ? new JsonResult(PhotoStatus.Of(photo)) : NotFound();
}

/// <summary>What the progress script compares between polls.</summary>
public sealed record PhotoStatus(string Detect, string Recognize, string Alert, int? FaceCount, int MatchCount, bool Finished, string Version)
{
    public static PhotoStatus Of(Photo photo)
    {
        var stages = new[] { photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus };
        var finished = stages.All(s => s.IsFinished());
        var version = $"{string.Join(',', stages)}|{photo.FaceCount}|{photo.MatchCount}";
        return new PhotoStatus(photo.DetectStatus.ToString(), photo.RecognizeStatus.ToString(), photo.AlertStatus.ToString(), photo.FaceCount, photo.MatchCount, finished, version);
    }
}
