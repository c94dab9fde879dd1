using FaceJobs.Core.Data;
using FaceJobs.Core.Photos;
using FaceJobs.Web.Audit;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>What became of one upload request: a refusal of the whole request, or each file accepted or refused.</summary>
public sealed record UploadOutcome(string? RequestProblem, IReadOnlyList<IntakeResult> Accepted, IReadOnlyList<IntakeResult> Refused)
{
    public static UploadOutcome RefusedWhole(string problem) => new(problem, [], []);
}

/// <summary>
/// Takes the files of one upload request in, one at a time, through <see cref="PhotoIntake"/>: the upload page and
/// the API's <c>POST /api/v1/photos</c> both come here, so they check and store alike.
/// </summary>
public sealed class PhotoUploads(PhotoIntake intake, AuditTrail audit, IOptions<UploadOptions> options)
{
    public async Task<UploadOutcome> AcceptAsync(HttpContext http, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (files.Count == 0)
            return UploadOutcome.RefusedWhole("Choose at least one photo.");
        if (files.Count > limits.MaxFilesPerRequest)
            return UploadOutcome.RefusedWhole($"At most {limits.MaxFilesPerRequest} photos at once, please.");

        var reader = new UploadedFileReader(files, limits);
        var accepted = new List<IntakeResult>();
        var refused = reader.Refused;
        await foreach (var (fileName, content) in reader.ReadOneByOneAsync(cancellationToken))
        {
            var result = await intake.AcceptAsync(fileName, content, cancellationToken);
            (result.IsAccepted ? accepted : refused).Add(result);
            if (result is { PhotoId: { } photoId, AlreadyUploaded: false })
                await audit.RecordAsync(http, AuditActions.PhotoUpload, AuditSubjects.Photo(photoId));
        }

        return new UploadOutcome(null, accepted, refused);
    }
}
