using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Web.Audit;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaceJobs.Web.Pages.Queues;

/// <summary>
/// Each queue's state, waiting jobs and the servers taking its jobs; operators pause and resume queues here (POSTs
/// need the Operator policy, OperatorActionsFilter). Every worker process obeys within Hangfire:PauseCheckMilliseconds.
/// </summary>
public sealed class IndexModel(IQueuePauseRepository pauses, JobStorage storage, AuditTrail audit) : PageModel
{
    public IReadOnlyList<QueueState> Queues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var paused = (await pauses.ListAsync(cancellationToken)).ToDictionary(pause => pause.QueueName, StringComparer.Ordinal);
        var monitoring = storage.GetMonitoringApi();
        var servers = monitoring.Servers();
        Queues = JobQueues.All.Select(queue =>
        {
            var serving = servers.Where(server => server.WorkersCount > 0 && server.Queues.Contains(queue)).ToArray();
            return new QueueState(queue, paused.GetValueOrDefault(queue), monitoring.EnqueuedCount(queue), serving.Length, serving.Sum(server => server.WorkersCount));
        }).ToArray();
    }

    public async Task<IActionResult> OnPostPauseAsync(string queue, CancellationToken cancellationToken)
    {
        if (!JobQueues.All.Contains(queue))
            return NotFound();
        var paused = await pauses.PauseAsync(queue, User.Identity?.Name ?? "", cancellationToken);
        if (paused)
            await audit.RecordAsync(HttpContext, AuditActions.QueuePause, $"queue {queue}");
        TempData["Notice"] = paused
            ? $"Queue {queue} paused: within a few seconds no process takes its jobs; jobs already running finish."
            : $"Queue {queue} was paused already.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(string queue, CancellationToken cancellationToken)
    {
        if (!JobQueues.All.Contains(queue))
            return NotFound();
        var resumed = await pauses.ResumeAsync(queue, cancellationToken);
        if (resumed)
            await audit.RecordAsync(HttpContext, AuditActions.QueueResume, $"queue {queue}");
        TempData["Notice"] = resumed
            ? $"Queue {queue} resumed: its waiting jobs continue within a few seconds."
            : $"Queue {queue} was not paused.";
        return RedirectToPage();
    }
}

/// <summary>One queue as the page shows it; <paramref name="Servers"/> are those with workers for it, in every process.</summary>
public sealed record QueueState(string Name, QueuePause? Pause, long Enqueued, int Servers, int Workers);
