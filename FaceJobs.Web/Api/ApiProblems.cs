namespace FaceJobs.Web.Api;

/// <summary>The API's refusals as RFC 7807 problem details, each with a detail a person can act on.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    public static IResult TooLarge(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: detail);

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    /// <summary>422: the request was read, but nothing in it was accepted; <paramref name="refused"/> says why for each file.</summary>
    public static IResult Unprocessable(string detail, IReadOnlyList<RefusedFile> refused) =>
        Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing accepted", detail: detail,
            extensions: new Dictionary<string, object?> { ["refused"] = refused });

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
