using Microsoft.OpenApi;

namespace FaceJobs.Web.Api;

/// <summary>
/// Request bodies as the OpenAPI document describes them. The handlers check the content type themselves (415 with
/// a reason); <c>Accepts</c> metadata would make routing refuse other types before authorization, and hand the
/// request to the catch-all 404 or to the pages' cookie policy instead.
/// </summary>
public static class ApiDocs
{
    /// <summary>A multipart body of one or more files (each part named e.g. <c>file</c>), plus the named form fields.</summary>
    public static RouteHandlerBuilder WithMultipartFiles(this RouteHandlerBuilder endpoint, params string[] booleanFields) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            };
            foreach (var field in booleanFields)
                properties[field] = new OpenApiSchema { Type = JsonSchemaType.Boolean };
            operation.RequestBody = Body("multipart/form-data", new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string> { "file" } });
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = Body("application/json", await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken)));

    private static OpenApiRequestBody Body(string contentType, IOpenApiSchema schema) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
    };
}
