using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Photos;

public sealed class IndexModel(IPhotoRepository photos) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<Photo> Photos { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    /// <summary>Changes whenever a stage, face count or match count of a listed photo changes.</summary>
    public string Version => string.Join(';', Photos.Select(photo => $"{photo.Id}:{PhotoStatus.Of(photo).Version}"));

    public bool Finished => Photos.All(photo => PhotoStatus.Of(photo).Finished);

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var total = await photos.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Photos = await photos.ListAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
    }

    /// <summary>Polled by the list while jobs run; the list reloads when what it shows changes.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        await OnGetAsync(p, cancellationToken);
        return new JsonResult(new { version = Version, finished = Finished });
    }
}
