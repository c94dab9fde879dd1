namespace FaceJobs.Core.Faces.BlazeFace;

/// <summary>A decoded detection before suppression: box and keypoints in one coordinate space.</summary>
internal readonly record struct FaceCandidate(float X, float Y, float Width, float Height, float Score, float[] Keypoints)
{
    public const int KeypointCount = 6;

    public float Right => X + Width;

    public float Bottom => Y + Height;

    public float IntersectionOverUnion(FaceCandidate other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        return intersection / ((Width * Height) + (other.Width * other.Height) - intersection);
    }
}
