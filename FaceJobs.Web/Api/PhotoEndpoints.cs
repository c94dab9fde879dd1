using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Recognition;
using FaceJobs.Web.Hosting;

namespace FaceJobs.Web.Api;

/// <summary>
/// <c>/api/v1/photos</c>: upload (the upload page's checks and limits), list, and one photo's stages, faces and
/// matches. A client polls the photo until <c>finished</c> is true.
/// </summary>
public static class PhotoEndpoints
{
    public static void MapPhotoEndpoints(this RouteGroupBuilder api)
    {
        var photos = api.MapGroup("/photos").WithTags("Photos");
        photos.MapPost("", UploadAsync)
            .RequireAuthorization(ApiEndpoints.Operators)
            .RequireRateLimiting(UploadLimits.PolicyName)
            .WithMultipartFiles()
            .Produces<UploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Upload one or more photos; each is checked, stored once per content and queued for detection.");
        photos.MapGet("", ListAsync)
            .Produces<ApiPage<PhotoSummary>>()
            .ProducesValidationProblem()
            .WithSummary("Photos, newest first.");
        photos.MapGet("/{id:long}", GetAsync)
            .Produces<PhotoDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A photo's pipeline stages, the faces found (boxes in pixels) and the watchlist matches.");
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, PhotoUploads uploads, CancellationToken cancellationToken)
    {
        var (form, problem) = await ApiForms.ReadAsync(request, cancellationToken);
        if (problem is not null)
            return problem;

        var outcome = await uploads.AcceptAsync(request.HttpContext, form!.Files, cancellationToken);
        var refused = outcome.Refused.Select(RefusedFile.Of).ToArray();
        if (outcome.RequestProblem is not null)
            return ApiProblems.Unprocessable(outcome.RequestProblem, refused);
        if (outcome.Accepted.Count == 0)
            return ApiProblems.Unprocessable("No file was accepted; see refused for each file's reason.", refused);

        var accepted = outcome.Accepted
            .Select(result => new AcceptedFile(result.FileName, result.PhotoId!.Value, result.AlreadyUploaded, Location(result.PhotoId.Value)))
            .ToArray();
        return Results.Accepted(accepted[0].Location, new UploadResponse(accepted, refused));
    }

    private static async Task<IResult> ListAsync(int? page, int? pageSize, IPhotoRepository photos, CancellationToken cancellationToken)
    {
        var (number, size, problem) = ApiPaging.Read(page, pageSize);
        if (problem is not null)
            return problem;

        var total = await photos.CountAsync(cancellationToken);
        var items = await photos.ListAsync(ApiPaging.Offset(number, size), size, cancellationToken);
        int? next = ApiPaging.Offset(number + 1, size) < total ? number + 1 : null;
        return Results.Ok(new ApiPage<PhotoSummary>(items.Select(PhotoSummary.Of).ToArray(), number, size, next));
    }

    private static async Task<IResult> GetAsync(
        long id, IPhotoRepository photos, IFaceRepository faces, IMatchRepository matches, IdentifiableFaces identifiable, CancellationToken cancellationToken)
    {
        if (await photos.GetAsync(id, cancellationToken) is not { } photo)
            return ApiProblems.NotFound($"There is no photo {id}.");

        var found = await faces.ListByPhotoAsync(id, cancellationToken);
        var matched = await matches.ListByPhotoAsync(id, cancellationToken);
        var summary = PhotoSummary.Of(photo);
        return Results.Ok(new PhotoDetails(
            summary.Id, summary.FileName, summary.ContentType, summary.Width, summary.Height, summary.ByteLength, summary.UploadedAtUtc,
            summary.Stages, summary.Finished, summary.FaceCount, summary.MatchCount, summary.LastError,
            found.Select(face => new PhotoFace(face.Id, face.FaceIndex, new FaceBox(face.X, face.Y, face.Width, face.Height), face.Score, identifiable.IsTooSmall(face))).ToArray(),
            matched.Select(match => new PhotoMatch(match.FaceId, match.FaceIndex, match.PersonId, match.PersonName, match.Distance)).ToArray()));
    }

    private static string Location(long photoId) => $"{ApiEndpoints.BasePath}/photos/{photoId}";
}
