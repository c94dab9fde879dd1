using FaceJobs.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace FaceJobs.Web.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c>. It takes API keys only (<see cref="ApiKeyAuthenticationHandler"/>): a
/// sign-in cookie is not accepted there, so a page a browser visits cannot make the API act for its signed-in user
/// (no antiforgery token is needed because no cookie is honoured). Reading needs a Viewer's key; uploading and
/// changing the watchlist an Operator's.
/// </summary>
public static class ApiEndpoints
{
    public const string BasePath = "/api/v1";

    /// <summary>Every API route: a key of any role.</summary>
    public static readonly IAuthorizeData Viewers = new AuthorizeAttribute(Roles.ViewerPolicy) { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName };

    /// <summary>Routes that change something: a key of an Operator or Admin.</summary>
    public static readonly IAuthorizeData Operators = new AuthorizeAttribute(Roles.OperatorPolicy) { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName };

    public static void MapFaceJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).RequireAuthorization(Viewers);
        api.MapPhotoEndpoints();
        api.MapPeopleEndpoints();
        api.MapAlertEndpoints();
        // Without it an unknown API path would meet the pages' fallback policy (sign-in cookie) instead of the key's.
        api.MapFallback("{**path}", (HttpRequest request) => ApiProblems.NotFound($"There is no API route {request.Method} {request.Path}; see /openapi/v1.json."))
            .ExcludeFromDescription();
    }
}
