using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Core.Faces;

/// <summary>Detects, thumbnails, aligns and embeds faces on upright decoded photos.</summary>
public sealed class FaceAnalyzer(
    IFaceDetector detector,
    [FromKeyedServices(FaceAnalyzer.ReferenceDetectorKey)] IFaceDetector referenceDetector,
    IFaceAligner aligner,
    IFaceEmbedder embedder) : IFaceAnalyzer
{
    /// <summary>Service key of the detector used for watchlist reference photos.</summary>
    public const string ReferenceDetectorKey = "reference";

    private const int ThumbnailMaxSide = 160;
    private const float ThumbnailEnlargement = 1.2f;
    private static readonly JpegEncoder ThumbnailEncoder = new() { Quality = 85 };

    // Pixel work on a photo (resizing, cropping, flipping; ImageSharp uses the image's configuration) stays on the
    // thread that asked for it: parallelism comes from the job workers, and ImageSharp's default would spread each
    // photo over thread-pool threads that compete with web requests at normal priority (see BackgroundCpu).
    private static readonly Configuration SingleThreaded = CreateSingleThreaded();

    public IReadOnlyList<FoundFace> DetectFaces(Image<Rgb24> image) => WithThumbnails(image, detector.Detect(image));

    public IReadOnlyList<FoundFace> DetectReferenceFaces(Image<Rgb24> image) => WithThumbnails(image, referenceDetector.Detect(image));

    public IReadOnlyList<float[]> EmbedFaces(Image<Rgb24> image, IReadOnlyList<DetectedFace> faces)
    {
        if (faces.Count == 0)
        {
            return [];
        }

        var chips = faces.Select(face => aligner.Align(image, face, embedder.ChipSize)).ToList();
        try
        {
            return embedder.Embed(chips);
        }
        finally
        {
            chips.ForEach(chip => chip.Dispose());
        }
    }

    /// <summary>Decodes and turns the pixels upright as the EXIF orientation says, so boxes match what people see.</summary>
    public static Image<Rgb24> DecodeUpright(ReadOnlyMemory<byte> encodedImage)
    {
        var image = Image.Load<Rgb24>(SingleThreaded, encodedImage.Span);
        image.Mutate(x => x.AutoOrient());
        return image;
    }

    private static Configuration CreateSingleThreaded()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        return configuration;
    }

    private static List<FoundFace> WithThumbnails(Image<Rgb24> image, IReadOnlyList<DetectedFace> faces) =>
        faces.Select(face => new FoundFace(face, Thumbnail(image, face.Box))).ToList();

    private static byte[] Thumbnail(Image<Rgb24> image, RectangleF box)
    {
        var crop = Rectangle.Intersect(Enlarge(box, ThumbnailEnlargement), new Rectangle(0, 0, image.Width, image.Height));
        if (crop.Width < 1 || crop.Height < 1)
        {
            crop = new Rectangle(0, 0, image.Width, image.Height);
        }

        using var thumbnail = image.Clone(x =>
        {
            x.Crop(crop);
            if (Math.Max(crop.Width, crop.Height) > ThumbnailMaxSide)
            {
                x.Resize(new ResizeOptions { Size = new Size(ThumbnailMaxSide), Mode = ResizeMode.Max });
            }
        });
        using var stream = new MemoryStream();
        thumbnail.SaveAsJpeg(stream, ThumbnailEncoder);
        return stream.ToArray();
    }

    private static Rectangle Enlarge(RectangleF box, float factor)
    {
        var width = box.Width * factor;
        var height = box.Height * factor;
        return Rectangle.Round(new RectangleF(
            box.X - ((width - box.Width) / 2), box.Y - ((height - box.Height) / 2), width, height));
    }
}
