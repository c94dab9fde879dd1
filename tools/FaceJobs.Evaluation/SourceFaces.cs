using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Evaluation;

/// <summary>Faces found in photos of large faces (decoded upright, as the app decodes), to paste into synthetic crowds.</summary>
public sealed class SourceFaces : IDisposable
{
    private readonly List<Image<Rgb24>> _photos;

    private SourceFaces(List<Image<Rgb24>> photos, List<(Image<Rgb24> Photo, RectangleF Box)> faces)
    {
        _photos = photos;
        Faces = faces;
    }

    public IReadOnlyList<(Image<Rgb24> Photo, RectangleF Box)> Faces { get; }

    public static SourceFaces Find(IFaceDetector detector, IEnumerable<string> photoPaths)
    {
        var photos = new List<Image<Rgb24>>();
        var faces = new List<(Image<Rgb24>, RectangleF)>();
        foreach (var path in photoPaths)
        {
            var photo = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(path));
            photos.Add(photo);
            faces.AddRange(detector.Detect(photo).Select(f => (photo, f.Box)));
        }

        if (faces.Count == 0)
        {
            photos.ForEach(p => p.Dispose());
            throw new InvalidOperationException("No face found in the source photos.");
        }

        return new SourceFaces(photos, faces);
    }

    public void Dispose() => _photos.ForEach(p => p.Dispose());
}
