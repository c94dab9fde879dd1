using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Alerts;

public sealed class IndexModel(IAlertRepository alerts) : PageModel
{
    public IReadOnlyList<AlertDelivery> Deliveries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Deliveries = await alerts.ListAsync(0, 200, cancellationToken);
}
