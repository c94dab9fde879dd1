using System.Globalization;
using FaceJobs.Core.Faces;
using SixLabors.ImageSharp;

namespace FaceJobs.Eval;

/// <summary>
/// Detected faces per image in a file (<c>verify --detections file</c>), so that trying aligners, jitters or
/// thresholds does not run the detector again; read back when its first line names the same detector settings.
/// Values are written round-trip exact, so a run from the file gives the same numbers as one without it.
/// </summary>
internal sealed class DetectionCache
{
    private readonly string _file;
    private readonly string _detector;
    private readonly Dictionary<string, List<DetectedFace>> _faces = new(StringComparer.Ordinal);
    private bool _changed;

    public DetectionCache(string file, string detector)
    {
        (_file, _detector) = (file, detector);
        if (!File.Exists(file))
            return;

        var lines = File.ReadAllLines(file);
        if (lines.Length == 0 || lines[0] != detector)
            throw new InvalidOperationException($"{file} holds detections of '{(lines.Length > 0 ? lines[0] : "")}', not of '{detector}'; delete it or pass another file.");

        foreach (var cells in lines.Skip(1).Select(line => line.Split('\t')))
        {
            var values = cells.Skip(1).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var faces = FacesOf(cells[0]);
            if (values.Length == 0)
                continue;

            var keypoints = values.Skip(5).Chunk(2).Select(p => new PointF(p[0], p[1])).ToArray();
            faces.Add(new DetectedFace(new RectangleF(values[1], values[2], values[3], values[4]), values[0], keypoints));
        }
    }

    /// <summary>Images whose faces came from the file.</summary>
    public int Hits { get; private set; }

    public IReadOnlyList<DetectedFace> Detect(string path, Func<IReadOnlyList<DetectedFace>> detect)
    {
        if (_faces.TryGetValue(path, out var known))
        {
            Hits++;
            return known;
        }

        var faces = detect().ToList();
        _faces[path] = faces;
        _changed = true;
        return faces;
    }

    public void Save()
    {
        if (!_changed)
            return;

        var lines = new List<string> { _detector };
        foreach (var (path, faces) in _faces.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            lines.Add(path); // an image without faces
            lines.AddRange(faces.Select(f => string.Join('\t', new[] { path }.Concat(
                new[] { f.Score, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height }.Concat(f.Keypoints.SelectMany(p => new[] { p.X, p.Y }))
                    .Select(v => v.ToString("R", CultureInfo.InvariantCulture))))));
        }

        File.WriteAllLines(_file, lines);
    }

    private List<DetectedFace> FacesOf(string path)
    {
        if (!_faces.TryGetValue(path, out var faces))
            _faces[path] = faces = [];
        return faces;
    }
}
