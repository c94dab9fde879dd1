using FaceJobs.Core.Faces;

namespace FaceJobs.Evaluation;

/// <summary>Which detected face of a photo a verification pair is about.</summary>
public enum PairFace
{
    /// <summary>
    /// The face whose box centre lies nearest the photo centre: LFW photos (250×250) are cropped around the named person,
    /// and a larger face of someone beside them is not who the pair is about.
    /// </summary>
    Central,

    /// <summary>The face with the largest box.</summary>
    Largest,
}

public static class PairFaceChoice
{
    /// <summary>The face of <paramref name="faces"/> that <paramref name="choice"/> names, or null when there is none.</summary>
    public static DetectedFace? Choose(IReadOnlyList<DetectedFace> faces, int width, int height, PairFace choice) => choice switch
    {
        PairFace.Central => faces.MinBy(f => DistanceSquared(f, width / 2f, height / 2f)),
        PairFace.Largest => faces.MaxBy(f => f.Box.Width * f.Box.Height),
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    private static float DistanceSquared(DetectedFace face, float x, float y)
    {
        var (dx, dy) = (face.Box.X + (face.Box.Width / 2) - x, face.Box.Y + (face.Box.Height / 2) - y);
        return (dx * dx) + (dy * dy);
    }
}
