using System.Diagnostics;
using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceJobs.Benchmarks;

/// <summary>
/// 1:N watchlist search on synthetic unit descriptors (128 values, like dlib's): in memory, the index against the
/// matcher as it was (descriptors parsed from bytes and compared with LINQ on every call); per photo on a SQLite file,
/// recognition's watchlist cost before (read every descriptor, parse, match) and now (read watchlist_version, search
/// the cached index).
/// </summary>
internal static class SearchBenchmark
{
    private const int Dimensions = 128;

    public static async Task<List<string>> RunAsync(IReadOnlyList<int> sizes)
    {
        var rows = new List<string>();
        var random = new Random(42);
        foreach (var size in sizes)
        {
            var references = Enumerable.Range(0, size)
                .Select(i => new ReferenceEmbedding(i + 1, i + 1, $"person {i}", DescriptorBlob.ToBytes(UnitVector(random))))
                .ToList();
            var queries = Enumerable.Range(0, 200).Select(_ => UnitVector(random)).ToList();
            var index = ReferenceIndex.From(references);
            var queryRuns = Math.Clamp(2_000_000 / size, 20, 2000);
            var indexMs = PerCall(queryRuns, q => index.Nearest(queries[q % queries.Count]));
            var legacyRuns = Math.Clamp(200_000 / size, 5, 200);
            var legacyMs = PerCall(legacyRuns, q => LegacyNearest(queries[q % queries.Count], references));

            var (legacyPhotoMs, indexPhotoMs) = await PerPhotoOnSqliteAsync(references, queries);
            var row = $"| {size:N0} | {legacyMs:F3} | {indexMs:F3} | {legacyPhotoMs:F1} | {indexPhotoMs:F2} |";
            Console.WriteLine(row);
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<(double Legacy, double Index)> PerPhotoOnSqliteAsync(List<ReferenceEmbedding> references, List<float[]> queries)
    {
        var folder = Directory.CreateTempSubdirectory("facejobs-search-");
        try
        {
            var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(folder.FullName, "facejobs.db")}");
            await new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            await SeedAsync(connections, references);
            var people = new DapperPersonRepository(connections);
            var watchlist = new WatchlistIndex(people);
            await watchlist.GetAsync(CancellationToken.None);

            var runs = Math.Clamp(200_000 / references.Count, 3, 100);
            var legacy = await PerCallAsync(runs, async q =>
            {
                var stored = await people.ListReferenceEmbeddingsAsync(null, CancellationToken.None);
                LegacyNearest(queries[q % queries.Count], stored);
            });
            var indexed = await PerCallAsync(Math.Max(runs, 200), async q =>
                (await watchlist.GetAsync(CancellationToken.None)).Nearest(queries[q % queries.Count]));
            SqliteConnection.ClearAllPools();
            return (legacy, indexed);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // The seed goes straight in (one transaction): a benchmark fixture, not an app path.
    private static async Task SeedAsync(SqliteConnectionFactory connections, List<ReferenceEmbedding> references)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO photo_content (content_hash, bytes) VALUES ('seed', x'00');", transaction: transaction);
        await connection.ExecuteAsync("INSERT INTO people (id, name) VALUES (@PersonId, @PersonName);", references, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO person_references (id, person_id, content_hash, file_name, status, embedding)
            VALUES (@ReferenceId, @PersonId, 'seed', 'seed.jpg', 2, @Embedding);
            """, references, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>The matcher before the index: parse every stored descriptor, then LINQ over Euclidean distances.</summary>
    private static (long PersonId, float Distance) LegacyNearest(float[] query, IReadOnlyList<ReferenceEmbedding> references) =>
        references.Select(r => (r.PersonId, Vector: DescriptorBlob.FromBytes(r.Embedding)))
            .ToList()
            .Select(r => (r.PersonId, Distance: DescriptorDistance.Euclidean(query, r.Vector)))
            .MinBy(r => r.Distance);

    private static double PerCall(int runs, Action<int> action)
    {
        for (var i = 0; i < 50; i++)
            action(i);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            action(i);
        return watch.Elapsed.TotalMilliseconds / runs;
    }

    private static async Task<double> PerCallAsync(int runs, Func<int, Task> action)
    {
        for (var i = 0; i < Math.Min(runs, 3); i++)
            await action(i);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            await action(i);
        return watch.Elapsed.TotalMilliseconds / runs;
    }

    private static float[] UnitVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }
}
