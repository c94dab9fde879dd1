using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Admin;

/// <summary>The audit log for Admins, newest first, a page at a time.</summary>
public sealed class AuditModel(IAuditLogRepository log) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public async Task OnGetAsync(int p = 1, CancellationToken cancellationToken = default)
    {
        var total = await log.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Entries = await log.ListAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
    }
}
