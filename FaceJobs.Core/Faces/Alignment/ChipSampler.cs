using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces.Alignment;

/// <summary>
/// Fills a chip by mapping each chip pixel into the image and interpolating bilinearly, black where
/// the four neighbours are not all inside (dlib's transform_image with interpolate_bilinear). When
/// the chip is much smaller than the face, dlib first picks a pyramid level; this averages
/// scale×scale sub-samples per pixel instead, for the same anti-aliasing.
/// </summary>
internal static class ChipSampler
{
    public static Image<Rgb24> Sample(Image<Rgb24> image, SimilarityTransform chipToImage, int size)
    {
        var chip = new Image<Rgb24>(size, size);
        var samples = Math.Max(1, (int)Math.Ceiling(chipToImage.Scale - 0.5));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                float r = 0, g = 0, b = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var offset = new PointF(x + ((sx + 0.5f) / samples) - 0.5f, y + ((sy + 0.5f) / samples) - 0.5f);
                        var pixel = Bilinear(image, chipToImage.Apply(offset));
                        (r, g, b) = (r + pixel.X, g + pixel.Y, b + pixel.Z);
                    }
                }

                var count = samples * samples;
                chip[x, y] = new Rgb24(ToByte(r / count), ToByte(g / count), ToByte(b / count));
            }
        }

        return chip;
    }

    private static System.Numerics.Vector3 Bilinear(Image<Rgb24> image, PointF p)
    {
        var x0 = (int)MathF.Floor(p.X);
        var y0 = (int)MathF.Floor(p.Y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= image.Width || y0 + 1 >= image.Height)
        {
            return System.Numerics.Vector3.Zero;
        }

        var (fx, fy) = (p.X - x0, p.Y - y0);
        var top = System.Numerics.Vector3.Lerp(ToVector(image[x0, y0]), ToVector(image[x0 + 1, y0]), fx);
        var bottom = System.Numerics.Vector3.Lerp(ToVector(image[x0, y0 + 1]), ToVector(image[x0 + 1, y0 + 1]), fx);
        return System.Numerics.Vector3.Lerp(top, bottom, fy);
    }

    private static System.Numerics.Vector3 ToVector(Rgb24 pixel) => new(pixel.R, pixel.G, pixel.B);

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value), 0, 255);
}
