using FaceJobs.Web.Accounts;
using Hangfire.Dashboard;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// The dashboard takes the pages' sign-in: any role may look, and only Operators and Admins may act (Viewers get
/// Hangfire's read-only dashboard through <c>IsReadOnlyFunc</c>). No address is trusted, so a reverse proxy on the
/// same host gains nothing.
/// </summary>
public sealed class DashboardRoleFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => Roles.Viewers.Any(context.GetHttpContext().User.IsInRole);

    public static bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.CanOperate();
}
