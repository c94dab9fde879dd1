using FaceJobs.Core.Data;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Pages;

namespace FaceJobs.Web.Api;

// What the JSON API answers. Enums are written as their names; times are UTC; boxes are pixels of the upright photo.

/// <summary>One page of a list, newest first; <see cref="NextPage"/> is null on the last page.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int? NextPage);

/// <summary>Where each stage of a photo's pipeline stands: Pending, Running, Succeeded, Failed or Skipped.</summary>
public sealed record PhotoStages(string Detect, string Recognize, string Alert)
{
    public static PhotoStages Of(Photo photo) => new(photo.DetectStatus.ToString(), photo.RecognizeStatus.ToString(), photo.AlertStatus.ToString());
}

public sealed record PhotoSummary(
    long Id, string FileName, string ContentType, int Width, int Height, long ByteLength, DateTime UploadedAtUtc,
    PhotoStages Stages, bool Finished, int? FaceCount, int MatchCount, string? LastError)
{
    public static PhotoSummary Of(Photo photo) => new(
        photo.Id, photo.FileName, photo.ContentType, photo.Width, photo.Height, photo.ByteLength, photo.UploadedAtUtc,
        PhotoStages.Of(photo), IsFinished(photo), photo.FaceCount, photo.MatchCount, photo.LastError);

    /// <summary>Every stage has an outcome: poll until this is true.</summary>
    public static bool IsFinished(Photo photo) =>
        photo.DetectStatus.IsFinished() && photo.RecognizeStatus.IsFinished() && photo.AlertStatus.IsFinished();
}

public sealed record FaceBox(float X, float Y, float Width, float Height);

/// <summary>A face found on the photo; one too small to identify is shown but never matched.</summary>
public sealed record PhotoFace(long Id, int Index, FaceBox Box, float Score, bool TooSmallToIdentify);

/// <summary>A face that matched a watchlist person; the smaller the distance, the closer the match.</summary>
public sealed record PhotoMatch(long FaceId, int FaceIndex, long PersonId, string PersonName, float Distance);

public sealed record PhotoDetails(
    long Id, string FileName, string ContentType, int Width, int Height, long ByteLength, DateTime UploadedAtUtc,
    PhotoStages Stages, bool Finished, int? FaceCount, int MatchCount, string? LastError,
    IReadOnlyList<PhotoFace> Faces, IReadOnlyList<PhotoMatch> Matches);

public sealed record AcceptedFile(string FileName, long Id, bool AlreadyUploaded, string Location);

public sealed record RefusedFile(string FileName, string Reason)
{
    public static RefusedFile Of(IntakeResult result) => new(result.FileName, result.Error ?? "Refused.");
}

/// <summary>What became of each file of an upload: stored (or found already stored) or refused with the reason.</summary>
public sealed record UploadResponse(IReadOnlyList<AcceptedFile> Accepted, IReadOnlyList<RefusedFile> Refused);

public sealed record PersonSummary(long Id, string Name, string? Notes, DateTime CreatedAtUtc, int ReferenceCount, int ReadyReferenceCount)
{
    public static PersonSummary Of(Person person) =>
        new(person.Id, person.Name, person.Notes, person.CreatedAtUtc, person.ReferenceCount, person.ReadyReferenceCount);
}

/// <summary>A reference photo and its enrollment: Pending, Running, Succeeded or Failed (with the error).</summary>
public sealed record PersonReferenceStatus(long Id, string FileName, string Status, string? Error, DateTime CreatedAtUtc)
{
    public static PersonReferenceStatus Of(PersonReference reference) =>
        new(reference.Id, reference.FileName, reference.Status.ToString(), reference.Error, reference.CreatedAtUtc);
}

public sealed record PersonDetails(
    long Id, string Name, string? Notes, DateTime CreatedAtUtc, int ReferenceCount, int ReadyReferenceCount,
    IReadOnlyList<PersonReferenceStatus> References);

/// <summary>A person to add to the watchlist; reference photos follow with POST /api/v1/people/{id}/references.</summary>
public sealed record NewPersonRequest(string Name, string? Notes = null);

public sealed record AlertSummary(
    long Id, long PhotoId, int FaceIndex, long PersonId, string PersonName, float Distance, string Recipient, string Status,
    int Attempts, string? LastError, DateTime UpdatedAtUtc)
{
    public static AlertSummary Of(AlertDelivery alert) => new(
        alert.Id, alert.PhotoId, alert.FaceIndex, alert.PersonId, alert.PersonName, alert.Distance, alert.Recipient,
        alert.Status.ToString(), alert.Attempts, alert.LastError, alert.UpdatedAtUtc);
}
