using System.Diagnostics;
using FaceJobs.Core.Data;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Xunit.Abstractions;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// Web front and workers as separate processes of the built app on one PostgreSQL database, with real models and a
/// real SMTP server: the work is spread, nothing is lost, nothing is done or mailed twice. Each photo shows the watched person, so each must give exactly one email.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "MultiProcess")]
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
        var photoIds = await UploadDistinctAsync(cluster, count: 60);
        var photos = await cluster.WaitForAllFinishedAsync(photoIds, FinishTimeout);
        var finished = started.Elapsed;

        await AssertEachPhotoProcessedOnceAsync(cluster, photos);
        var runs = cluster.ProcessingCountsByProcess(JobIdsOf(photos));
        Assert.All(cluster.Workers, worker => Assert.True(runs.GetValueOrDefault(worker.Id) > 0, $"worker {worker.Id} ran no job: {Describe(runs)}"));
        Assert.Equal(0, runs.GetValueOrDefault(cluster.Webs[0].Id));
        Assert.Equal(photos.Count * 3, runs.Values.Sum());
        output.WriteLine($"60 photos in {finished.TotalSeconds:0.0} s; job starts per process {Describe(runs)}; emails {cluster.Smtp.Count}");
    }

    /// <summary>Every photo succeeded with one set of faces, one match and exactly one email, counted at the SMTP server.</summary>
    private static async Task AssertEachPhotoProcessedOnceAsync(Cluster cluster, IReadOnlyList<Photo> photos)
    {
        Assert.All(photos, photo => Assert.Equal(
            (StageStatus.Succeeded, StageStatus.Succeeded, StageStatus.Succeeded, Fixtures.Photos.FacesFoundWithWatchedPerson),
            (photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus, photo.FaceCount ?? -1)));
        foreach (var photo in photos)
        {
            Assert.Equal(Fixtures.Photos.FacesFoundWithWatchedPerson, (await cluster.Faces.ListByPhotoAsync(photo.Id)).Count);
            Assert.Single(await cluster.Matches.ListByPhotoAsync(photo.Id));
            Assert.Equal(AlertStatus.Sent, Assert.Single(await cluster.Alerts.ListByPhotoAsync(photo.Id)).Status);
        }

        await cluster.Smtp.WaitForMessagesAsync(photos.Count, TimeSpan.FromSeconds(30));
        await Task.Delay(1000); // a stray second mail would have arrived by now
        Assert.Equal(photos.Count, cluster.Smtp.Count);
        Assert.Equal(
            photos.Select(photo => $"/Photos/{photo.Id}").Order(),
            cluster.Smtp.Messages.Select(mail => PhotoLink(mail.TextBody ?? "")).Order());
    }

    private static string PhotoLink(string body) => System.Text.RegularExpressions.Regex.Match(body, @"/Photos/\d+").Value;

    /// <summary>Distinct bytes of the same group photo (one pixel changed), uploaded four at a time through the first web.</summary>
    private static async Task<IReadOnlyList<long>> UploadDistinctAsync(Cluster cluster, int count)
    {
        var (name, _) = Fixtures.Photos.WithWatchedPerson();
        var source = TestPaths.Group("bbt3.jpg");
        var ids = new long[count];
        using var gate = new SemaphoreSlim(4);
        // One signed-in client per web process, shared by the uploads (sign-ins are rate-limited per address).
        var clients = await Task.WhenAll(cluster.Webs.Select(cluster.CreateSignedInClientAsync));
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var client = clients[i % clients.Length];
                ids[i] = Pipeline.IdFromRedirect(await client.UploadAsync(($"{i}-{name}", TestImages.DistinctJpeg(source, i))));
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var client in clients)
            client.Dispose();
        Assert.Equal(count, ids.Distinct().Count());
        return ids;
    }

    private static IEnumerable<string> JobIdsOf(IEnumerable<Photo> photos) =>
        photos.SelectMany(photo => new[] { photo.DetectJobId!, photo.RecognizeJobId!, photo.AlertJobId! });

    private static string Describe(IReadOnlyDictionary<int, int> runs) =>
        string.Join(", ", runs.OrderBy(run => run.Key).Select(run => $"{run.Key}: {run.Value}"));
}
