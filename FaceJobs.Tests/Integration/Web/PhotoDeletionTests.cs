using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;
using Microsoft.Data.Sqlite;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>
/// "Delete photo" on a photo's page, on the real app: nothing of the photo is left in any table (the app's and
/// Hangfire's), its waiting jobs are deleted, and a job that still runs for it ends as a no-op.
/// </summary>
public abstract class PhotoDeletionTests
{
    protected abstract Task<TestStorage> StorageAsync();

    [Fact]
    public async Task DeleteButton_LeavesNoRowOrByteInAnyTable_WhenThePhotoWasMatchedAndAlerted()
    {
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With());
        var name = await host.AddAccountAsync(AccountRole.Operator);
        using var client = await SignIn.SignedInAsync(host.CreateClient(), name);
        await host.EnrollWatchedPersonAsync(client);
        var deletedId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var keptId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
        Assert.True((await host.WaitForAllStagesAsync(deletedId)).MatchCount > 0);
        await host.WaitForAllStagesAsync(keptId);
        Assert.NotEmpty(await host.Get<IAlertRepository>().ListByPhotoAsync(deletedId));
        Assert.Contains("data-confirm=\"Delete this photo", await client.GetStringAsync($"/Photos/{deletedId}"));
        var traces = await PhotoTraces.OfAsync(host.Get<IDbConnectionFactory>(), deletedId);
        var keptFaces = await host.Get<IFaceRepository>().ListByPhotoAsync(keptId);

        var response = await client.PostFormAsync($"/Photos/{deletedId}", [], [], handler: "Delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Photos", response.Headers.Location!.OriginalString);
        Assert.Empty(await FindTracesAsync(host, traces));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Photos/{deletedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/photos/{deletedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/faces/{traces.FaceIds.First()}")).StatusCode);
        Assert.Equal(keptFaces.Count, (await host.Get<IFaceRepository>().ListByPhotoAsync(keptId)).Count);
        using var kept = await client.GetAsync($"/media/photos/{keptId}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        // No browser or proxy keeps a copy that would outlive the delete.
        Assert.True(kept.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {kept.Headers.CacheControl}");
        var audit = await host.Get<IAuditLogRepository>().ListAsync(0, 50);
        Assert.Contains(audit, entry => (entry.Actor, entry.Action, entry.Subject) == (name, AuditActions.PhotoDelete, AuditSubjects.Photo(deletedId)));
    }

    [Fact]
    public async Task DeleteButton_DeletesThePhotosWaitingJobs_AndIsForOperatorsOnly()
    {
        await using var storage = await StorageAsync();
        // No detect worker: the photo's jobs stay waiting.
        await using var host = await AppHost.StartAsync(storage.With(new Dictionary<string, string> { ["Hangfire:Workers:detect"] = "0" }));
        using var operatorClient = await host.CreateSignedInClientAsync();
        using var viewer = await host.CreateSignedInClientAsync(AccountRole.Viewer);
        var photoId = Pipeline.IdFromRedirect(await operatorClient.UploadAsync(Photos.Strangers()));
        var photo = await host.WaitForJobsAsync(photoId);
        string[] jobIds = [photo.DetectJobId!, photo.RecognizeJobId!, photo.AlertJobId!];
        Assert.Equal([EnqueuedState.StateName, AwaitingState.StateName, AwaitingState.StateName], StatesOf(host, jobIds));

        Assert.DoesNotContain("Delete photo", await viewer.GetStringAsync($"/Photos/{photoId}"));
        var refused = await viewer.PostFormAsync("/Photos", [], [], target: $"/Photos/{photoId}?handler=Delete");
        Assert.StartsWith("/Account/Denied", refused.Headers.Location!.PathAndQuery);
        Assert.True(await host.Get<IPhotoRepository>().ExistsAsync(photoId));

        var deleted = await operatorClient.PostFormAsync($"/Photos/{photoId}", [], [], handler: "Delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await host.Get<IPhotoRepository>().ExistsAsync(photoId));
        Assert.Equal([DeletedState.StateName, DeletedState.StateName, DeletedState.StateName], StatesOf(host, jobIds));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostFormAsync($"/Photos", [], [], target: $"/Photos/{photoId}?handler=Delete")).StatusCode);
    }

    [Fact]
    public async Task QueuedPipelineJobs_SucceedAsNoOps_WhenTheirPhotoWasDeleted()
    {
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With());
        var photos = host.Get<IPhotoRepository>();
        var (_, content) = Photos.Strangers();
        var photoId = (await photos.AddAsync(new NewPhoto(ContentHash.Of(content), "gone.jpg", "image/jpeg", 1, 1, content.Length), content)).Id;
        Assert.NotNull(await photos.DeleteAsync(photoId));

        // As the pipeline queues them, after the photo is gone (a delete that could not reach the job storage).
        var jobs = host.Get<IBackgroundJobClient>();
        var detect = jobs.Enqueue<DetectFacesJob>(job => job.RunAsync(photoId, CancellationToken.None));
        var recognize = jobs.ContinueJobWith<RecognizeFacesJob>(detect, job => job.RunAsync(photoId, CancellationToken.None));
        var alert = jobs.ContinueJobWith<SendAlertsJob>(recognize, job => job.RunAsync(photoId, CancellationToken.None));

        await Waiting.UntilAsync(
            () => Task.FromResult(StatesOf(host, [alert])[0] == SucceededState.StateName ? "done" : null), Pipeline.Timeout, "the alert job to succeed");
        Assert.Equal([SucceededState.StateName, SucceededState.StateName, SucceededState.StateName], StatesOf(host, [detect, recognize, alert]));
        Assert.False(await photos.ExistsAsync(photoId));
        Assert.Empty(await host.Get<IFaceRepository>().ListByPhotoAsync(photoId));
    }

    private static string[] StatesOf(AppHost host, string[] jobIds)
    {
        using var connection = host.Get<JobStorage>().GetConnection();
        return jobIds.Select(id => connection.GetStateData(id)?.Name ?? "(no state)").ToArray();
    }

    // The app's database, and on SQLite Hangfire's own file (on PostgreSQL its schema is in the same database).
    private static async Task<IReadOnlyList<string>> FindTracesAsync(AppHost host, PhotoTraces traces)
    {
        var connections = host.Get<IDbConnectionFactory>();
        await using var app = await connections.OpenAsync();
        var found = (await traces.FindAsync(app, PhotoTraces.TablesSql(connections.Dialect))).ToList();
        if (connections.Dialect.Provider == StorageProvider.Sqlite)
        {
            await using var jobs = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "hangfire.db")}");
            await jobs.OpenAsync();
            var hangfireTables = await traces.FindAsync(jobs, PhotoTraces.TablesSql(SqlDialect.Sqlite));
            found.AddRange(hangfireTables.Select(trace => $"hangfire.db {trace}"));
        }

        return found;
    }
}

[Collection(AppCollection.Name)]
public sealed class SqlitePhotoDeletionTests : PhotoDeletionTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlPhotoDeletionTests : PhotoDeletionTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
