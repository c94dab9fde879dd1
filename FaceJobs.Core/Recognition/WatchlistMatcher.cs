using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
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

        var referenceVectors = references.Select(r => (r.PersonId, Vector: FaceDistance.FromBytes(r.Embedding))).ToList();
        var matches = new List<NewMatch>();
        foreach (var face in faces)
        {
            var faceVector = FaceDistance.FromBytes(face.Embedding);
            var best = referenceVectors
                .Select(r => (r.PersonId, Distance: FaceDistance.Euclidean(faceVector, r.Vector)))
                .MinBy(r => r.Distance);
            if (best.Distance <= _threshold)
                matches.Add(new NewMatch(face.FaceId, best.PersonId, best.Distance));
        }

        return matches;
    }
}
