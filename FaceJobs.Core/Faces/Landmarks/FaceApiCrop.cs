using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.Landmarks;

/// <summary>The integer crop face-api cuts for a box: Box.clipAtImageBorders, then floor of each field.</summary>
internal static class FaceApiCrop
{
    public static Rectangle Clip(RectangleF box, int imageWidth, int imageHeight)
    {
        var x = Math.Max(box.X, 0);
        var y = Math.Max(box.Y, 0);
        var width = Math.Min(box.Right - x, imageWidth - x);
        var height = Math.Min(box.Bottom - y, imageHeight - y);
        return new Rectangle((int)MathF.Floor(x), (int)MathF.Floor(y), (int)MathF.Floor(width), (int)MathF.Floor(height));
    }
}
