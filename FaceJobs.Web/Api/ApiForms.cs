using FaceJobs.Core.Photos;
using FaceJobs.Web.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Api;

/// <summary>
/// Reads a multipart upload for the API, as the pages' form reading does (parts over 64 KiB spooled to disk, the
/// request body limited by Upload:MaxFileBytes × Upload:MaxFilesPerRequest), and answers 415 for anything but
/// multipart/form-data and 413 for a body over the limit. Files are taken from every part, whatever its name.
/// </summary>
public static class ApiForms
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, ApiProblems.UnsupportedMediaType("Send the photos as multipart/form-data, one part per file (curl -F file=@photo.jpg)."));
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (RequestTooLargeFilter.IsTooLarge(e))
        {
            var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value;
            return (null, ApiProblems.TooLarge(
                $"The request is over the limit of {limits.MaxFilesPerRequest} files of {limits.MaxFileBytes / 1048576.0:0.#} MiB each; send fewer or smaller files."));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, ApiProblems.BadRequest($"The multipart body could not be read: {e.Message}"));
        }
    }

    /// <summary>A form field read as a boolean; <paramref name="fallback"/> when absent or not one.</summary>
    public static bool Flag(IFormCollection form, string name, bool fallback) =>
        bool.TryParse(form[name].ToString(), out var value) ? value : fallback;
}
