namespace FaceJobs.Web.Hosting;

/// <summary>What one process of FaceJobs does. Bound from <c>FaceJobs:Role</c>.</summary>
public enum FaceJobsRole
{
    /// <summary>Pages, dashboard and an in-process job server: one machine does everything.</summary>
    All,

    /// <summary>Pages and dashboard only; jobs are enqueued for workers elsewhere.</summary>
    Web,

    /// <summary>A Hangfire server only, with a health endpoint; no pages.</summary>
    Worker,
}
