using FaceJobs.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace FaceJobs.Web.Api;

/// <summary>Registers the API: key authentication, problem details, the OpenAPI document, and wires them for requests.</summary>
public static class ApiSetup
{
    /// <summary>Where the document is served (MapOpenApi's default route, document "v1").</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    // The OpenAPI document is read with a key or a signed-in session: the key's header picks the scheme.
    private const string SessionOrKeyScheme = "SessionOrApiKey";

    public static void AddFaceJobsApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyIssuer>();
        services.AddProblemDetails();
        // A query value that does not bind (page=abc) is a 400 problem, in Development too, not an exception page.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SessionOrKeyScheme, null, scheme => scheme.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.CarriesKey(http.Request) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FaceJobs API";
                document.Info.Description = "Upload photos, follow their face detection and watchlist matching, manage the watchlist, read alerts. "
                    + "Authenticate with an API key from /Account/ApiKeys as 'Authorization: Bearer fj_…' (or 'X-Api-Key: fj_…').";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key (fj_…) created on /Account/ApiKeys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>
    /// API requests get problem details for any error without a body of its own (404 of an unknown route, 405, 503
    /// when uploads are full) and for exceptions, instead of the pages' HTML error page.
    /// </summary>
    public static void UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiEndpoints.BasePath), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions());
            api.UseStatusCodePages();
        });

    public static void MapFaceJobsApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi().RequireAuthorization(new AuthorizeAttribute(Roles.ViewerPolicy) { AuthenticationSchemes = SessionOrKeyScheme });
}
