using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>
/// Retention:PhotoDays on the real app: its recurring job, run by the app's own Hangfire server, deletes the photos
/// uploaded longer ago (backdated rows) in batches, records each as deleted by "retention", and keeps the rest.
/// </summary>
public abstract class RetentionTests
{
    protected abstract Task<TestStorage> StorageAsync();

    [Fact]
    public async Task RecurringJob_DeletesOnlyPhotosPastRetentionInBatches_AndAuditsThemAsRetention()
    {
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(new Dictionary<string, string>
        {
            ["Retention:PhotoDays"] = "30",
            ["Retention:BatchSize"] = "2",
        }));
        var old = new List<long>();
        var recent = new List<long>();
        for (var i = 0; i < 7; i++)
            (i < 5 ? old : recent).Add(await AddPhotoAsync(host, $"{i}.jpg"));
        foreach (var id in old)
            await BackdateAsync(host, id, "2020-02-03T04:05:06.000Z");
        await host.Get<IFaceRepository>().ReplaceFacesAsync(old[0], [new NewFace(0, 1, 2, 30, 40, 0.9f, new byte[48], new byte[300])]);

        var jobId = RunNow(host);

        await WaitForSucceededAsync(host, jobId);
        var photos = host.Get<IPhotoRepository>();
        Assert.Equal(recent, (await photos.ListAsync(0, 50)).Select(photo => photo.Id).Order());
        Assert.Empty(await host.Get<IFaceRepository>().ListByPhotoAsync(old[0]));
        Assert.Equal(recent.Count, await CountAsync(host, "SELECT COUNT(*) FROM photo_content;"));
        var audit = await host.Get<IAuditLogRepository>().ListAsync(0, 50);
        Assert.Equal(
            old.Select(AuditSubjects.Photo).Order(),
            audit.Where(entry => entry is { Actor: AuditSubjects.RetentionActor, Action: AuditActions.PhotoDelete }).Select(entry => entry.Subject!).Order());
    }

    [Fact]
    public async Task RecurringJob_DeletesNothing_WhenPhotoDaysIsZero()
    {
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With());
        Assert.Equal(0, host.Get<IOptions<RetentionOptions>>().Value.PhotoDays);
        var id = await AddPhotoAsync(host, "ancient.jpg");
        await BackdateAsync(host, id, "2001-01-01T00:00:00.000Z");

        await WaitForSucceededAsync(host, RunNow(host));

        Assert.True(await host.Get<IPhotoRepository>().ExistsAsync(id));
        Assert.Equal(0, await host.Get<IAuditLogRepository>().CountAsync());
    }

    private static string RunNow(AppHost host) =>
        ((IRecurringJobManagerV2)host.Get<IRecurringJobManager>()).TriggerJob(DeleteExpiredPhotosJob.RecurringJobId)
        ?? throw new InvalidOperationException("The retention job is not registered.");

    private static Task WaitForSucceededAsync(AppHost host, string jobId) => Waiting.UntilAsync(() =>
    {
        using var connection = host.Get<JobStorage>().GetConnection();
        var state = connection.GetStateData(jobId)?.Name;
        Assert.NotEqual(FailedState.StateName, state);
        return Task.FromResult(state == SucceededState.StateName ? state : null);
    }, Pipeline.Timeout, $"retention job {jobId} to succeed");

    private static async Task<long> AddPhotoAsync(AppHost host, string fileName)
    {
        var content = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024);
        return (await host.Get<IPhotoRepository>().AddAsync(new NewPhoto(ContentHash.Of(content), fileName, "image/jpeg", 1, 1, content.Length), content)).Id;
    }

    // A literal, which SQLite stores as the text it compares and PostgreSQL reads as a timestamptz.
    private static async Task BackdateAsync(AppHost host, long photoId, string utcText)
    {
        await using var connection = await host.Get<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(1, await connection.ExecuteAsync($"UPDATE photos SET uploaded_at_utc = '{utcText}' WHERE id = @Id;", new { Id = photoId }));
    }

    private static async Task<int> CountAsync(AppHost host, string sql)
    {
        await using var connection = await host.Get<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }
}

[Collection(AppCollection.Name)]
public sealed class SqliteRetentionTests : RetentionTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();

    [Fact]
    public async Task Start_FailsWithTheSetting_WhenPhotoDaysIsNegative()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => AppHost.StartAsync(new Dictionary<string, string> { ["Retention:PhotoDays"] = "-1" }));

        Assert.Contains("PhotoDays", refused.Message);
    }
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlRetentionTests : RetentionTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
