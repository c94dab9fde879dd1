using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Photos;

namespace FaceJobs.Web.Audit;

/// <summary>
/// Records what a signed-in person did, taking the actor (account name) and remote address from the request, so
/// page handlers and API endpoints alike record with one call. Called after the action succeeded. The write ignores
/// the request's cancellation: a client that goes away after its delete must not take the record of it along.
/// </summary>
public sealed class AuditTrail(IAuditLogRepository log)
{
    /// <summary>Records <paramref name="action"/> by the signed-in account of <paramref name="http"/>.</summary>
    public Task RecordAsync(HttpContext http, string action, string? subject, string? detail = null) =>
        RecordAsAsync(http, http.User.Identity?.Name ?? AuditSubjects.Anonymous, action, subject, detail);

    /// <summary>Records with an explicit actor: a sign-in, before the request carries its account.</summary>
    public Task RecordAsAsync(HttpContext http, string actor, string action, string? subject, string? detail = null) =>
        log.AddAsync(new NewAuditEntry(actor, action, subject, detail, http.Connection.RemoteIpAddress?.ToString()), CancellationToken.None);

    /// <summary>Records each accepted reference photo of a person (the results of WatchlistEnrollment).</summary>
    public async Task RecordReferencesAsync(HttpContext http, long personId, IEnumerable<IntakeResult> results)
    {
        foreach (var accepted in results.Where(r => r.IsAccepted))
            await RecordAsync(http, AuditActions.ReferenceAdd, AuditSubjects.Person(personId), $"reference {accepted.PhotoId}");
    }
}
