using FaceJobs.Core.Data;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Recognition;

/// <summary>
/// Matches each face to the nearest watchlist person (nearest over all of that person's references) when the distance
/// is within the threshold. A face matches at most one person.
/// </summary>
public sealed class WatchlistMatcher(IOptions<RecognitionOptions> options)
{
    private readonly float _threshold = options.Value.MatchThreshold;

    public IReadOnlyList<NewMatch> Match(IReadOnlyList<FaceEmbedding> faces, IReadOnlyList<ReferenceEmbedding> references)
    {
        if (faces.Count == 0 || references.Count == 0)
            return [];

        var referenceVectors = references.Select(r => (r.PersonId, Vector: VectorCodec.ToFloats(r.Embedding))).ToList();
        var matches = new List<NewMatch>();
        foreach (var face in faces)
        {
            var faceVector = VectorCodec.ToFloats(face.Embedding);
            var best = referenceVectors
                .Select(r => (r.PersonId, Distance: Distance(faceVector, r.Vector)))
                .MinBy(r => r.Distance);
            if (best.Distance <= _threshold)
                matches.Add(new NewMatch(face.FaceId, best.PersonId, best.Distance));
        }

        return matches;
    }

    internal static float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Descriptors differ in length: {a.Length} and {b.Length}.");
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            var difference = a[i] - b[i];
            sum += difference * difference;
        }

        return MathF.Sqrt(sum);
    }
}
