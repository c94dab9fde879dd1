using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Hangfire;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>The same app as web front, as worker, and the refusal of a second process on the SQLite default.</summary>
[Collection(AppCollection.Name)]
public sealed class RoleTests
{
    [Fact]
    public async Task WebRole_EnqueuesButRunsNothing_AndWorkerRoleRunsTheJobs()
    {
        var data = Directory.CreateTempSubdirectory("facejobs-roles-").FullName;
        try
        {
            long photoId;
            await using (var web = await AppHost.StartAsync(new Dictionary<string, string> { ["FaceJobs:Role"] = "Web" }, data))
            {
                using var client = await web.CreateSignedInClientAsync();
                photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
                await Task.Delay(TimeSpan.FromSeconds(3));

                var photo = (await web.Get<IPhotoRepository>().GetAsync(photoId))!;
                Assert.Equal(StageStatus.Pending, photo.DetectStatus);
                var monitor = web.Get<JobStorage>().GetMonitoringApi();
                Assert.Equal(1, monitor.EnqueuedCount("detect"));
                Assert.Empty(monitor.Servers());
            }

            await using var worker = await AppHost.StartAsync(new Dictionary<string, string> { ["FaceJobs:Role"] = "Worker" }, data);
            var done = await worker.WaitForAllStagesAsync(photoId);
            Assert.Equal(3, done.FaceCount);
            using var workerClient = worker.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await workerClient.GetAsync("/")).StatusCode);
            Assert.Equal("Healthy", await workerClient.GetStringAsync("/health"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task SecondProcess_IsRefusedWithReason_WhenSqliteStorageInUse()
    {
        await using var first = await AppHost.StartAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => AppHost.StartAsync(dataDirectory: first.DataDirectory));

        Assert.Contains("Storage:Provider to PostgreSql or SqlServer", refused.Message);
        using var client = await first.CreateSignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
