using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>The end-to-end pipeline on SQL Server (Hangfire.SqlServer + Dapper on SqlClient); skipped unless FACEJOBS_SQLSERVER is set.</summary>
[Collection(AppCollection.Name)]
public sealed class SqlServerPipelineTests
{
    [SkippableFact]
    public async Task Upload_MatchesWatchedPersonAndMails_WhenStoredOnSqlServer()
    {
        var server = SqlServerTestDatabase.ServerConnectionString;
        Skip.If(server is null, $"Set {SqlServerTestDatabase.EnvironmentVariable} to a SQL Server connection string to run this test.");
        await using var database = await SqlServerTestDatabase.CreateAsync(server);
        await using var smtp = new SmtpTestServer();
        var settings = PipelineEndToEndTests.SmtpSettings(smtp.Port);
        settings["Storage:Provider"] = "SqlServer";
        settings["ConnectionStrings:FaceJobs"] = database.ConnectionString;
        await using var host = await AppHost.StartAsync(settings);
        using var client = await host.CreateSignedInClientAsync();

        var (personId, _) = await host.EnrollWatchedPersonAsync(client);
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var photo = await host.WaitForAllStagesAsync(photoId);

        Assert.Equal(Photos.FacesFoundWithWatchedPerson, photo.FaceCount);
        Assert.Equal(personId, Assert.Single(await host.Get<IMatchRepository>().ListByPhotoAsync(photoId)).PersonId);
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
    }
}
