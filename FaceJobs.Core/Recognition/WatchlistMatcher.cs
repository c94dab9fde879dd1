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

    public IReadOnlyList<NewMatch> Match(IReadOnlyList<FaceEmbedding> faces, ReferenceIndex references)
    {
        if (faces.Count == 0 || references.Count == 0)
            return [];

        var matches = new List<NewMatch>();
        foreach (var face in faces)
        {
            if (references.Nearest(DescriptorBlob.FromBytes(face.Embedding)) is { } best && best.Distance <= _threshold)
                matches.Add(new NewMatch(face.FaceId, references.PersonAt(best.Row), best.Distance));
        }

        return matches;
    }
}
