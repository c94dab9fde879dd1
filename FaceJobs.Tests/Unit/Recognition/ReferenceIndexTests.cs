using FaceJobs.Core.Data;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using Xunit;

namespace FaceJobs.Tests.Unit.Recognition;

public sealed class ReferenceIndexTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(128, 1000)]
    public void Nearest_EqualsBruteForce_WhenVectorsAreRandom(int dimensions, int count)
    {
        var random = new Random(dimensions * 1000 + count);
        var references = Enumerable.Range(0, count)
            .Select(i => new ReferenceEmbedding(i + 1, 100 + (i % 17), "p", DescriptorBlob.ToBytes(RandomUnitVector(random, dimensions))))
            .ToList();
        var index = ReferenceIndex.From(references);

        for (var q = 0; q < 50; q++)
        {
            var query = RandomUnitVector(random, dimensions);
            var expected = Enumerable.Range(0, count)
                .Select(i => (Row: i, Distance: DescriptorDistance.Euclidean(query, DescriptorBlob.FromBytes(references[i].Embedding))))
                .MinBy(r => r.Distance);

            var found = index.Nearest(query)!.Value;

            Assert.Equal(expected.Row, found.Row);
            Assert.Equal(expected.Distance, found.Distance, 1e-5f);
            Assert.Equal(references[expected.Row].PersonId, index.PersonAt(found.Row));
        }
    }

    [Fact]
    public void Nearest_IsNull_WhenIndexIsEmpty()
    {
        Assert.Null(ReferenceIndex.From([]).Nearest(new float[128]));
    }

    [Fact]
    public void From_Throws_WhenDescriptorsDifferInLength()
    {
        var references = new[]
        {
            new ReferenceEmbedding(1, 1, "a", DescriptorBlob.ToBytes(new float[128])),
            new ReferenceEmbedding(2, 2, "b", DescriptorBlob.ToBytes(new float[64])),
        };

        Assert.Throws<InvalidOperationException>(() => ReferenceIndex.From(references));
    }

    [Fact]
    public void Nearest_Throws_WhenQueryLengthDiffers()
    {
        var index = ReferenceIndex.From([new ReferenceEmbedding(1, 1, "a", DescriptorBlob.ToBytes(new float[128]))]);

        Assert.Throws<ArgumentException>(() => index.Nearest(new float[64]));
    }

    internal static float[] RandomUnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (var i = 0; i < dimensions; i++)
            vector[i] /= norm;
        return vector;
    }
}
