using System.Globalization;
using SixLabors.ImageSharp;

namespace FaceJobs.Eval;

/// <summary>A labelled face in a group photo: a point inside the face and who it is.</summary>
internal sealed record GroupLabel(string Photo, PointF Point, string Identity)
{
    public static IReadOnlyList<GroupLabel> Load(string csv) =>
        File.ReadLines(csv)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(','))
            .Select(cells => new GroupLabel(cells[0], new PointF(float.Parse(cells[1], CultureInfo.InvariantCulture), float.Parse(cells[2], CultureInfo.InvariantCulture)), cells[3]))
            .ToList();
}
