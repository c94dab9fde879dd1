using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Web.Hosting;

/// <summary>Photo bytes and face crops for the pages, straight from the database.</summary>
public static class MediaEndpoints
{
    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media");
        media.MapGet("/photos/{id:long}", async (long id, IPhotoRepository photos, CancellationToken ct) =>
        {
            var photo = await photos.GetAsync(id, ct);
            var bytes = photo is null ? null : await photos.GetContentAsync(id, ct);
            return bytes is null ? Results.NotFound() : Image(bytes, photo!.ContentType);
        });
        media.MapGet("/faces/{id:long}", async (long id, IFaceRepository faces, CancellationToken ct) =>
            await faces.GetThumbnailAsync(id, ct) is { } bytes ? Image(bytes, "image/jpeg") : Results.NotFound());
        media.MapGet("/references/{id:long}", async (long id, IPersonRepository people, CancellationToken ct) =>
            await people.GetReferenceThumbnailAsync(id, ct) is { } bytes ? Image(bytes, "image/jpeg") : Results.NotFound());
    }

    // Photos of people: kept out of browser and proxy caches, so a deleted photo or a signed-out session leaves no
    // copy behind; nosniff keeps a browser from guessing a type.
    private static IResult Image(byte[] bytes, string contentType) =>
        new UncachedImageResult(bytes, contentType);

    private sealed class UncachedImageResult(byte[] bytes, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "private, no-store";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(bytes, contentType).ExecuteAsync(httpContext);
        }
    }
}
