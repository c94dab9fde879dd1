using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.Tests.Integration.Jobs;

public abstract class AlertFailureTests
{
    /// <summary>The storage each test's app runs on.</summary>
    protected abstract Task<TestStorage> StorageAsync();

    [Fact]
    public async Task SendAlerts_FailsAndRecordsThenSendsOnceOnRetry_WhenSmtpServerWasDown()
    {
        var port = SmtpTestServer.FreePort(); // nothing listens here yet
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(PipelineEndToEndTests.SmtpSettings(port)));
        using var client = await host.CreateSignedInClientAsync();
        await host.EnrollWatchedPersonAsync(client);

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var failed = await host.WaitForPhotoAsync(photoId, p => p.AlertStatus == StageStatus.Failed, "the alert stage to fail");

        Assert.Contains("could not be sent", failed.LastError);
        var delivery = Assert.Single(await host.Get<IAlertRepository>().ListByPhotoAsync(photoId));
        Assert.Equal(AlertStatus.Failed, delivery.Status);
        Assert.True(delivery.Attempts >= 1);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using var smtp = new SmtpTestServer(port);
        // What the dashboard's "Requeue" button does.
        Assert.True(host.Get<IBackgroundJobClient>().ChangeState(failed.AlertJobId!, new EnqueuedState(), null));
        await host.WaitForPhotoAsync(photoId, p => p.AlertStatus == StageStatus.Succeeded, "the requeued alert job to succeed");

        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(AlertStatus.Sent, Assert.Single(await host.Get<IAlertRepository>().ListByPhotoAsync(photoId)).Status);
    }
}

[Collection(AppCollection.Name)]
public sealed class SqliteAlertFailureTests : AlertFailureTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlAlertFailureTests : AlertFailureTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
