using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>Writes RGB pixels into NHWC float tensors as <c>value · scale + offset</c>.</summary>
internal static class ImageTensorExtensions
{
    /// <summary>Copies <paramref name="image"/> into one HWC image of the tensor, <paramref name="tensorWidth"/> pixels wide, at (left, top).</summary>
    public static void CopyRgbTo(
        this Image<Rgb24> image, float[] tensor, int tensorStart, int tensorWidth, int left, int top, float scale, float offset)
    {
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                var index = tensorStart + ((((top + y) * tensorWidth) + left) * 3);
                foreach (var pixel in row)
                {
                    tensor[index++] = (pixel.R * scale) + offset;
                    tensor[index++] = (pixel.G * scale) + offset;
                    tensor[index++] = (pixel.B * scale) + offset;
                }
            }
        });
    }
}
