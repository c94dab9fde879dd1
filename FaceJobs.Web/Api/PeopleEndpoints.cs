using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Audit;
using FaceJobs.Web.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Api;

/// <summary>
/// <c>/api/v1/people</c>: the watchlist. A person is added with a name, then reference photos, which are enrolled
/// as on the People pages (and, unless asked not to, earlier photos are checked against them).
/// </summary>
public static class PeopleEndpoints
{
    public const int MaxNameLength = 200;
    public const int MaxNotesLength = 2000;

    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("", ListAsync)
            .Produces<IReadOnlyList<PersonSummary>>()
            .WithSummary("The watchlist, by name.");
        people.MapPost("", AddAsync)
            .RequireAuthorization(ApiEndpoints.Operators)
            .WithJsonBody<NewPersonRequest>()
            .Produces<PersonDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Add a person to the watchlist; add reference photos next.");
        people.MapGet("/{id:long}", GetAsync)
            .Produces<PersonDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A person with each reference photo's enrollment status.");
        people.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(ApiEndpoints.Operators)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a person with their references, matches and alert records.");
        people.MapPost("/{id:long}/references", AddReferencesAsync)
            .RequireAuthorization(ApiEndpoints.Operators)
            .RequireRateLimiting(UploadLimits.PolicyName)
            .WithMultipartFiles("recheckEarlierPhotos")
            .Produces<UploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Add reference photos (multipart; recheckEarlierPhotos=false to skip checking earlier photos).");
    }

    private static async Task<IResult> ListAsync(IPersonRepository people, CancellationToken cancellationToken) =>
        Results.Ok((await people.ListAsync(cancellationToken)).Select(PersonSummary.Of).ToArray());

    private static async Task<IResult> AddAsync(HttpRequest request, IPersonRepository people, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return ApiProblems.UnsupportedMediaType("Send the person as application/json: {\"name\": \"…\", \"notes\": \"…\"}.");
        NewPersonRequest? person;
        try
        {
            person = await request.ReadFromJsonAsync<NewPersonRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            return ApiProblems.BadRequest($"The body is not the JSON of a person: {e.Message}");
        }

        var name = person?.Name?.Trim() ?? "";
        var notes = string.IsNullOrWhiteSpace(person?.Notes) ? null : person.Notes.Trim();
        if (name.Length is 0 or > MaxNameLength)
            return ApiProblems.Invalid("name", $"A name is 1 to {MaxNameLength} characters.");
        if (notes?.Length > MaxNotesLength)
            return ApiProblems.Invalid("notes", $"Notes are at most {MaxNotesLength} characters.");

        var id = await people.AddPersonAsync(name, notes, cancellationToken);
        await audit.RecordAsync(request.HttpContext, AuditActions.PersonAdd, AuditSubjects.Person(id), name);
        return Results.Created(Location(id), await DetailsAsync(people, id, cancellationToken));
    }

    private static async Task<IResult> GetAsync(long id, IPersonRepository people, CancellationToken cancellationToken) =>
        await DetailsAsync(people, id, cancellationToken) is { } person ? Results.Ok(person) : NoSuchPerson(id);

    private static async Task<IResult> DeleteAsync(long id, HttpContext http, IPersonRepository people, AuditTrail audit, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(id, cancellationToken);
        if (person is null || !await people.DeleteAsync(id, cancellationToken))
            return NoSuchPerson(id);
        await audit.RecordAsync(http, AuditActions.PersonRemove, AuditSubjects.Person(id), person.Name);
        return Results.NoContent();
    }

    private static async Task<IResult> AddReferencesAsync(
        long id, HttpRequest request, IPersonRepository people, WatchlistEnrollment enrollment, AuditTrail audit, IOptions<UploadOptions> options,
        CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, cancellationToken) is null)
            return NoSuchPerson(id);
        var (form, problem) = await ApiForms.ReadAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (form!.Files.Count == 0)
            return ApiProblems.Unprocessable("Add at least one reference photo of the person.", []);
        if (form.Files.Count > options.Value.MaxFilesPerRequest)
            return ApiProblems.Unprocessable($"At most {options.Value.MaxFilesPerRequest} photos at once, please.", []);

        var files = new UploadedFileReader(form.Files, options.Value);
        var recheck = ApiForms.Flag(form, "recheckEarlierPhotos", fallback: true);
        var results = await enrollment.AddReferencesAsync(id, files.ReadOneByOneAsync(cancellationToken), recheck, cancellationToken);
        await audit.RecordReferencesAsync(request.HttpContext, id, results);
        var refused = files.Refused.Concat(results.Where(r => !r.IsAccepted)).Select(RefusedFile.Of).ToArray();
        var accepted = results.Where(r => r.IsAccepted)
            .Select(r => new AcceptedFile(r.FileName, r.PhotoId!.Value, false, Location(id)))
            .ToArray();
        return accepted.Length == 0
            ? ApiProblems.Unprocessable("No reference photo was accepted; see refused for each file's reason.", refused)
            : Results.Accepted(Location(id), new UploadResponse(accepted, refused));
    }

    private static async Task<PersonDetails?> DetailsAsync(IPersonRepository people, long id, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(id, cancellationToken) is not { } person)
            return null;
        var references = await people.ListReferencesAsync(id, cancellationToken);
        return new PersonDetails(
            person.Id, person.Name, person.Notes, person.CreatedAtUtc, person.ReferenceCount, person.ReadyReferenceCount,
            references.Select(PersonReferenceStatus.Of).ToArray());
    }

    private static IResult NoSuchPerson(long id) => ApiProblems.NotFound($"There is no person {id} on the watchlist.");

    private static string Location(long personId) => $"{ApiEndpoints.BasePath}/people/{personId}";
}
