using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace FaceJobs.Core.Photos;

/// <summary>
/// Decides from the bytes alone (never the file name or the browser's content type) whether an upload is an image
/// the workers can decode, and refuses anything too large before a worker ever allocates for it.
/// </summary>
public sealed class ImageValidator(IOptions<UploadOptions> options)
{
    private static readonly HashSet<string> AcceptedMimeTypes = ["image/jpeg", "image/png", "image/webp"];
    private const string NotAnImage = "The file is not a readable image (JPEG, PNG or WebP).";

    private readonly UploadOptions _options = options.Value;

    public ImageCheck Check(byte[] bytes)
    {
        if (bytes.Length == 0)
            return ImageCheck.Refused("The file is empty.");
        if (bytes.Length > _options.MaxFileBytes)
            return ImageCheck.Refused($"The file is {bytes.Length / 1048576.0:0.0} MiB; the limit is {_options.MaxFileBytes / 1048576.0:0.#} MiB.");

        if (AnimatedImage.IsAnimatedWebP(bytes))
            return ImageCheck.Refused("Animated images are not accepted; upload a still photo (for example one frame saved as JPEG or PNG).");

        IImageFormat? format;
        IImageInfo? info;
        try
        {
            info = Image.Identify(bytes, out format);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return ImageCheck.Refused(NotAnImage);
        }

        if (info is null || format is null || !AcceptedMimeTypes.Contains(format.DefaultMimeType))
            return ImageCheck.Refused(NotAnImage);
        if (info.Width <= 0 || info.Height <= 0)
            return ImageCheck.Refused("The image has no pixels.");
        if ((long)info.Width * info.Height > _options.MaxPixels)
            return ImageCheck.Refused($"The image is {info.Width}×{info.Height} pixels; the limit is {_options.MaxPixels / 1e6:0.#} megapixels.");

        // Identify reads headers only, and ImageSharp decodes a cut-off body into grey without complaint, so the
        // container's end is checked structurally: cheap enough for the request, unlike a full decode.
        if (!ImageCompleteness.IsComplete(bytes.AsSpan(), format.DefaultMimeType))
            return ImageCheck.Refused("The image is truncated: its data ends before the image does.");

        // Faces are found on the upright photo, so keep upright dimensions: EXIF orientations 5–8 turn it by 90°.
        var turned = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value is >= 5 and <= 8;
        return turned
            ? ImageCheck.Accepted(format.DefaultMimeType, info.Height, info.Width)
            : ImageCheck.Accepted(format.DefaultMimeType, info.Width, info.Height);
    }
}
