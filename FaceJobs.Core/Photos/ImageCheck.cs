namespace FaceJobs.Core.Photos;

/// <summary>The outcome of checking one uploaded file: either an accepted image or the reason it was refused.</summary>
public sealed record ImageCheck(bool IsAccepted, string? Error, string? ContentType, int Width, int Height)
{
    public static ImageCheck Refused(string error) => new(false, error, null, 0, 0);

    public static ImageCheck Accepted(string contentType, int width, int height) => new(true, null, contentType, width, height);
}
