using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>Hangfire delivers at least once: every job run a second time must leave the same state and send nothing twice.</summary>
public abstract class JobIdempotencyTests
{
    /// <summary>The storage each test's app runs on.</summary>
    protected abstract Task<TestStorage> StorageAsync();

    [Fact]
    public async Task EveryJob_LeavesSameStateAndNoSecondMail_WhenRunTwice()
    {
        await using var smtp = new SmtpTestServer();
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(PipelineEndToEndTests.SmtpSettings(smtp.Port)));
        using var client = await host.CreateSignedInClientAsync();
        var (personId, reference) = await host.EnrollWatchedPersonAsync(client);
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        await host.WaitForAllStagesAsync(photoId);
        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10));
        var before = await SnapshotAsync(host, photoId);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<EnrollReferenceJob>().RunAsync(reference.Id, CancellationToken.None);
            await services.GetRequiredService<DetectFacesJob>().RunAsync(photoId, CancellationToken.None);
            await services.GetRequiredService<RecognizeFacesJob>().RunAsync(photoId, CancellationToken.None);
            await services.GetRequiredService<SendAlertsJob>().RunAsync(photoId, CancellationToken.None);
            await services.GetRequiredService<RecheckPhotosJob>().RunAsync(personId, CancellationToken.None);
            await services.GetRequiredService<SendAlertsJob>().RunAsync(photoId, CancellationToken.None);
        }

        var after = await SnapshotAsync(host, photoId);
        Assert.Equal(before.Faces, after.Faces);
        Assert.Equal(before.Matches, after.Matches);
        Assert.Equal(before.Deliveries, after.Deliveries);
        Assert.Single(await host.Get<IPersonRepository>().ListReferenceEmbeddingsAsync(personId));
        await Task.Delay(500); // a stray second mail would have arrived by now
        Assert.Single(smtp.Messages);
    }

    private static async Task<(string Faces, string Matches, string Deliveries)> SnapshotAsync(AppHost host, long photoId)
    {
        var faces = await host.Get<IFaceRepository>().ListByPhotoAsync(photoId);
        var matches = await host.Get<IMatchRepository>().ListByPhotoAsync(photoId);
        var deliveries = await host.Get<IAlertRepository>().ListByPhotoAsync(photoId);
        Assert.NotEmpty(faces);
        Assert.NotEmpty(matches);
        return (
            string.Join(";", faces.Select(f => $"{f.FaceIndex}:{f.X:0.0},{f.Y:0.0},{f.Width:0.0},{f.Height:0.0}")),
            string.Join(";", matches.Select(m => $"{m.FaceIndex}:{m.PersonId}:{m.Distance:0.0000}")),
            string.Join(";", deliveries.Select(d => $"{d.FaceIndex}:{d.PersonId}:{d.Status}:{d.Attempts}")));
    }

    [Fact]
    public async Task ProcessAgainButton_RunsNewJobsAndSendsNoSecondMail_WhenPhotoWasAlerted()
    {
        await using var smtp = new SmtpTestServer();
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(PipelineEndToEndTests.SmtpSettings(smtp.Port)));
        using var client = await host.CreateSignedInClientAsync();
        await host.EnrollWatchedPersonAsync(client);
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var first = await host.WaitForAllStagesAsync(photoId);
        await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10));
        var before = await SnapshotAsync(host, photoId);

        var response = await client.PostFormAsync($"/Photos/{photoId}", [], [], handler: "Reprocess");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var again = await host.WaitForPhotoAsync(photoId, p => p.AlertJobId != first.AlertJobId && Pipeline.IsDone(p.AlertStatus), "the second run");
        Assert.NotEqual(first.DetectJobId, again.DetectJobId);
        Assert.Equal(before, await SnapshotAsync(host, photoId));
        await Task.Delay(500);
        Assert.Single(smtp.Messages);
    }
}

[Collection(AppCollection.Name)]
public sealed class SqliteJobIdempotencyTests : JobIdempotencyTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlJobIdempotencyTests : JobIdempotencyTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
