using System.Security.Claims;
using FaceJobs.Core.Data;

namespace FaceJobs.Web.Accounts;

/// <summary>The authorization policies, one per role, each allowing that role and those above it.</summary>
public static class Roles
{
    public const string ViewerPolicy = "Viewer";
    public const string OperatorPolicy = "Operator";
    public const string AdminPolicy = "Admin";

    public static readonly string[] Viewers = [nameof(AccountRole.Viewer), nameof(AccountRole.Operator), nameof(AccountRole.Admin)];
    public static readonly string[] Operators = [nameof(AccountRole.Operator), nameof(AccountRole.Admin)];
    public static readonly string[] Admins = [nameof(AccountRole.Admin)];

    public static bool CanOperate(this ClaimsPrincipal user) => Operators.Any(user.IsInRole);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(nameof(AccountRole.Admin));

    public static long? AccountId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
