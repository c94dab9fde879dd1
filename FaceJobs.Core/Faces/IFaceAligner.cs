using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Core.Faces;

/// <summary>Cuts a face out of an image as the square, aligned chip the recognizer expects.</summary>
public interface IFaceAligner
{
    /// <summary>Returns a new chip of <paramref name="size"/>×<paramref name="size"/> pixels; the caller disposes it.</summary>
    Image<Rgb24> Align(Image<Rgb24> image, DetectedFace face, int size);
}
