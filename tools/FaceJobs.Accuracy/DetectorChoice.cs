using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Accuracy;

/// <summary>One detector configuration under comparison.</summary>
internal sealed record DetectorChoice(string Name, Func<Image<Rgb24>, IReadOnlyList<DetectedFace>> Detect);
