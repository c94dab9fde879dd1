using System.Diagnostics;
using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// Web front and workers as separate processes of the built app on one PostgreSQL database, with real models and a
/// real SMTP server: the work is spread, nothing is lost, nothing is done or mailed twice. Each photo shows the watched person, so each must give exactly one email.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "MultiProcess")]
[Trait("Category", "PostgreSql")]
public sealed class MultiProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Photos_AllFinishOnTheWorkersAndMailOnce_WhenOneWebAndTwoWorkersShareTheDatabase()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var cluster = await Cluster.StartAsync(database, webs: 1, workers: 2);
        await cluster.EnrollWatchedPersonAsync();

        var started = Stopwatch.StartNew();
        var photoIds = await cluster.UploadAsync(Enumerable.Range(0, 60).Select(i => ($"sheldon-{i}.jpg", Photos.SmallWithWatchedPerson(i))).ToList());
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var finished = started.Elapsed;

        await cluster.AssertEachPhotoMailedOnceAsync(photos, facesPerPhoto: 1);
        var runs = cluster.ProcessingCountsByProcess(JobIdsOf(photos));
        Assert.All(cluster.Workers, worker => Assert.True(runs.GetValueOrDefault(worker.Id) > 0, $"worker {worker.Id} ran no job: {Describe(runs)}"));
        Assert.Equal(0, runs.GetValueOrDefault(cluster.Webs[0].Id));
        Assert.Equal(photos.Count * 3, runs.Values.Sum());
        output.WriteLine($"60 photos in {finished.TotalSeconds:0.0} s; job starts per process {Describe(runs)}; emails {cluster.Smtp.Count}");
    }

    internal static IEnumerable<string> JobIdsOf(IEnumerable<Photo> photos) =>
        photos.SelectMany(photo => new[] { photo.DetectJobId!, photo.RecognizeJobId!, photo.AlertJobId! });

    internal static string Describe(IReadOnlyDictionary<int, int> runs) =>
        string.Join(", ", runs.OrderBy(run => run.Key).Select(run => $"{run.Key}: {run.Value}"));
}
