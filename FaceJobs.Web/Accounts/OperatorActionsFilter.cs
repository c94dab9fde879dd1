using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FaceJobs.Web.Accounts;

/// <summary>
/// Pages are read by every role and changed by operators: any request other than GET/HEAD needs the Operator policy.
/// Applied to page folders by convention (FaceJobsHosting), so no handler has to remember it; an authorization
/// filter runs before model binding, so a refused upload is not even read.
/// </summary>
public sealed class OperatorActionsFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    // Before the form is read (RequestTooLargeFilter) and before antiforgery: a refused request is not read at all.
    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return;

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, Roles.OperatorPolicy)).Succeeded)
            context.Result = new ForbidResult();
    }
}
