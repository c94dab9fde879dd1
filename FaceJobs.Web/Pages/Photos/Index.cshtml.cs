using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Photos;

public sealed class IndexModel(IPhotoRepository photos) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<Photo> Photos { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var total = await photos.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Photos = await photos.ListAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
    }
}
