using System.Text.RegularExpressions;
using FaceJobs.Core.Data;

namespace FaceJobs.Web.Audit;

/// <summary>
/// Records the Hangfire dashboard's job commands (requeue, delete, run now, trigger or remove a recurring job) with
/// who sent them. Hangfire has no hook that knows the signed-in person, so this wraps the dashboard's endpoint and
/// records a command when Hangfire answered it with success (204; a refused or read-only request gets 4xx). Job ids
/// come from the path (a job's own page) or the form's <c>jobs[]</c> (the lists' batch buttons), which Hangfire has
/// read by then, so reading it again costs nothing.
/// </summary>
public sealed partial class DashboardAuditMiddleware(RequestDelegate next, AuditTrail audit, string dashboardPath)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments(dashboardPath, out var rest))
        {
            await next(http);
            return;
        }

        var command = rest.Value ?? "";
        await next(http);
        if (http.Response.StatusCode is < 200 or >= 300 || command == "/stats")
            return;

        foreach (var (action, subject) in await RecordsOfAsync(http, command))
            await audit.RecordAsync(http, action, subject, $"dashboard {command}");
    }

    private static async Task<IReadOnlyList<(string Action, string? Subject)>> RecordsOfAsync(HttpContext http, string command)
    {
        if (SingleJobCommand().Match(command) is { Success: true } single)
            return [(JobAction(single.Groups["verb"].Value), AuditSubjects.Job(single.Groups["id"].Value))];

        var ids = await JobIdsOfFormAsync(http);
        if (BatchJobCommand().Match(command) is { Success: true } batch)
            return ids.Select(id => (JobAction(batch.Groups["verb"].Value), (string?)AuditSubjects.Job(id))).ToArray();
        if (RecurringCommand().Match(command) is { Success: true } recurring)
        {
            var action = recurring.Groups["verb"].Value == "trigger" ? AuditActions.RecurringJobTrigger : AuditActions.RecurringJobRemove;
            return ids.Select(id => (action, (string?)AuditSubjects.RecurringJob(id))).ToArray();
        }

        // A command this does not know (a newer Hangfire's): recorded by its path, so nothing goes unrecorded.
        return [(AuditActions.DashboardCommand, ids.Length == 0 ? null : string.Join(", ", ids))];
    }

    private static async Task<string[]> JobIdsOfFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
            return [];
        var form = await http.Request.ReadFormAsync();
        return form["jobs[]"].OfType<string>().ToArray();
    }

    private static string JobAction(string verb) => verb == "delete" ? AuditActions.JobDelete : AuditActions.JobRequeue;

    [GeneratedRegex("^/jobs/actions/(?<verb>requeue|delete)/(?<id>[^/]+)$")]
    private static partial Regex SingleJobCommand();

    [GeneratedRegex("^/jobs/[a-z]+/(?<verb>requeue|enqueue|delete)$")]
    private static partial Regex BatchJobCommand();

    [GeneratedRegex("^/recurring/(?<verb>trigger|remove)$")]
    private static partial Regex RecurringCommand();
}
