using SixLabors.ImageSharp;

namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>
/// How a region of the image is fitted into the square model input: scaled to keep its aspect ratio, centred,
/// the rest padded. Maps model-input pixels back to image pixels. Zoomed out, the region fills only 1 / zoomOut of the
/// input's side, so a face that fills the photo reaches the detector at the size it was trained on.
/// </summary>
internal readonly record struct Letterbox(Rectangle Region, int ScaledWidth, int ScaledHeight, int PadLeft, int PadTop)
{
    public static Letterbox Fit(Rectangle region, int inputSize, float zoomOut = 1f)
    {
        var scale = inputSize / (zoomOut * (double)Math.Max(region.Width, region.Height));
        var width = Math.Clamp((int)Math.Round(region.Width * scale), 1, inputSize);
        var height = Math.Clamp((int)Math.Round(region.Height * scale), 1, inputSize);
        return new Letterbox(region, width, height, (inputSize - width) / 2, (inputSize - height) / 2);
    }

    public float ScaleX => (float)ScaledWidth / Region.Width;

    public float ScaleY => (float)ScaledHeight / Region.Height;

    public PointF ToImage(float inputX, float inputY) =>
        new(Region.X + ((inputX - PadLeft) / ScaleX), Region.Y + ((inputY - PadTop) / ScaleY));

    public FaceCandidate ToImage(FaceCandidate candidate)
    {
        var topLeft = ToImage(candidate.X, candidate.Y);
        var keypoints = new float[candidate.Keypoints.Length];
        for (var k = 0; k < keypoints.Length; k += 2)
        {
            var point = ToImage(candidate.Keypoints[k], candidate.Keypoints[k + 1]);
            keypoints[k] = point.X;
            keypoints[k + 1] = point.Y;
        }

        return candidate with
        {
            X = topLeft.X,
            Y = topLeft.Y,
            Width = candidate.Width / ScaleX,
            Height = candidate.Height / ScaleY,
            Keypoints = keypoints,
        };
    }
}
