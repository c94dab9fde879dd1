namespace FaceJobs.Core.Data;

/// <summary>A row of the audit log: who did what to which thing, when and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime AtUtc { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Subject { get; init; }
    public string? Detail { get; init; }
    public string? RemoteAddress { get; init; }
}

/// <summary>
/// An audit row as it is written. Texts are cut to the columns' lengths (a name tried at sign-in can be anything),
/// so recording never fails on what a visitor typed.
/// </summary>
public sealed record NewAuditEntry
{
    public NewAuditEntry(string actor, string action, string? subject, string? detail = null, string? remoteAddress = null)
    {
        Actor = Cut(actor, 200) ?? "";
        Action = Cut(action, 100) ?? "";
        Subject = Cut(subject, 200);
        Detail = Cut(detail, 2000);
        RemoteAddress = Cut(remoteAddress, 100);
    }

    public string Actor { get; }
    public string Action { get; }
    public string? Subject { get; }
    public string? Detail { get; }
    public string? RemoteAddress { get; }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The actions the audit log records, as stored.</summary>
public static class AuditActions
{
    public const string PhotoUpload = "photo.upload";
    public const string PhotoDelete = "photo.delete";
    public const string PhotoProcessAgain = "photo.process-again";
    public const string PersonAdd = "person.add";
    public const string PersonRemove = "person.remove";
    public const string ReferenceAdd = "reference.add";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignOut = "sign-out";
    public const string AccountAdd = "account.add";
    public const string AccountRole = "account.role";
    public const string AccountPassword = "account.password";
    public const string AccountUnlock = "account.unlock";
    public const string AccountDelete = "account.delete";
    public const string JobDelete = "job.delete";
    public const string JobRequeue = "job.requeue";
    public const string RecurringJobTrigger = "recurring-job.trigger";
    public const string RecurringJobRemove = "recurring-job.remove";
    public const string DashboardCommand = "dashboard.command";
    public const string ApiKeyCreate = "api-key.create";
    public const string ApiKeyRevoke = "api-key.revoke";
    public const string QueuePause = "queue.pause";
    public const string QueueResume = "queue.resume";
}

/// <summary>How audit rows name what they touched; ids only, never content.</summary>
public static class AuditSubjects
{
    /// <summary>The actor of what the retention job deletes.</summary>
    public const string RetentionActor = "retention";

    /// <summary>The actor of a request without sign-in (a failed sign-in).</summary>
    public const string Anonymous = "anonymous";

    public static string Photo(long id) => $"photo {id}";

    public static string Person(long id) => $"person {id}";

    public static string Account(string name) => $"account {name}";

    public static string Job(string id) => $"job {id}";

    public static string RecurringJob(string id) => $"recurring job {id}";
}
