using System.Numerics.Tensors;
using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;

namespace FaceJobs.Core.Recognition;

/// <summary>
/// The watchlist's reference descriptors in one contiguous float array (row i = reference i), searched by exhaustive
/// nearest neighbour with <see cref="TensorPrimitives"/>. Immutable: a changed watchlist gets a new index.
/// </summary>
public sealed class ReferenceIndex
{
    private readonly float[] _vectors;
    private readonly long[] _personIds;

    public ReferenceIndex(int dimensions, float[] vectors, long[] personIds)
    {
        if (dimensions <= 0 || vectors.Length != dimensions * personIds.Length)
            throw new ArgumentException($"{vectors.Length} floats are not {personIds.Length} descriptors of {dimensions} values.");
        Dimensions = dimensions;
        _vectors = vectors;
        _personIds = personIds;
    }

    public static ReferenceIndex Empty { get; } = new(1, [], []);

    public int Count => _personIds.Length;

    public int Dimensions { get; }

    public IReadOnlyList<long> PersonIds => _personIds;

    /// <summary>Builds the index from stored references; every descriptor must have the same length.</summary>
    public static ReferenceIndex From(IReadOnlyList<ReferenceEmbedding> references)
    {
        if (references.Count == 0)
            return Empty;

        var dimensions = references[0].Embedding.Length / sizeof(float);
        var vectors = new float[references.Count * dimensions];
        var personIds = new long[references.Count];
        for (var i = 0; i < references.Count; i++)
        {
            var descriptor = DescriptorBlob.FromBytes(references[i].Embedding);
            if (descriptor.Length != dimensions)
                throw new InvalidOperationException($"Reference {references[i].ReferenceId} has {descriptor.Length} values, the others {dimensions}.");
            descriptor.CopyTo(vectors, i * dimensions);
            personIds[i] = references[i].PersonId;
        }

        return new ReferenceIndex(dimensions, vectors, personIds);
    }

    /// <summary>The nearest reference (its row and Euclidean distance); null when the index is empty.</summary>
    public (int Row, float Distance)? Nearest(ReadOnlySpan<float> query)
    {
        if (Count == 0)
            return null;
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} values, the references {Dimensions}.");

        var best = -1;
        var bestDistance = float.PositiveInfinity;
        var vectors = _vectors.AsSpan();
        for (var row = 0; row < Count; row++)
        {
            var distance = TensorPrimitives.Distance(query, vectors.Slice(row * Dimensions, Dimensions));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = row;
            }
        }

        return (best, bestDistance);
    }

    public long PersonAt(int row) => _personIds[row];
}
