using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;

namespace FaceJobs.Core.Photos;

/// <summary>What became of one uploaded file.</summary>
public sealed record IntakeResult(string FileName, long? PhotoId, bool AlreadyUploaded, string? Error)
{
    public bool IsAccepted => PhotoId is not null;
}

/// <summary>
/// Takes an uploaded file in: checks it, stores it once under its content hash and hands it to
/// <see cref="PipelineStarter"/>, which schedules its pipeline once the request has answered. Does no decoding or
/// inference, so the request returns at once.
/// </summary>
public sealed class PhotoIntake(ImageValidator validator, IPhotoRepository photos, PipelineStarter pipelines)
{
    public async Task<IntakeResult> AcceptAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var check = validator.Check(content);
        if (!check.IsAccepted)
            return new IntakeResult(fileName, null, false, check.Error);

        var hash = ContentHash.Of(content);
        var existing = await photos.FindByHashAsync(hash, cancellationToken);
        if (existing is not null)
            return new IntakeResult(fileName, existing.Id, true, null);

        // The same bytes may be arriving in another request right now: the store keeps one photo and tells us which.
        var stored = await photos.AddAsync(
            new NewPhoto(hash, SafeFileName(fileName), check.ContentType!, check.Width, check.Height, content.LongLength),
            content,
            cancellationToken);
        if (!stored.IsNew)
            return new IntakeResult(fileName, stored.Id, true, null);

        await pipelines.StartAsync(stored.Id, cancellationToken);
        return new IntakeResult(fileName, stored.Id, false, null);
    }

    /// <summary>Keeps the name a person gave the file for display, without any path a browser may send.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length > 200)
            name = name[..200];
        return name.Length == 0 ? "photo" : name;
    }
}
