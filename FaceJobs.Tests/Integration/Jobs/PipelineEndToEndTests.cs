using System.Globalization;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using MimeKit;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>The whole product on its embedded default: pages, a real Hangfire server, real models, a real SMTP server.</summary>
public abstract class PipelineEndToEndTests
{
    /// <summary>The storage each test's app runs on.</summary>
    protected abstract Task<TestStorage> StorageAsync();

    private const string Recipient = "watch-desk@test.local";

    internal static Dictionary<string, string> SmtpSettings(int port) => new()
    {
        ["Alerts:SmtpHost"] = "127.0.0.1",
        ["Alerts:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
        ["Alerts:SmtpSecurity"] = "None",
        ["Alerts:Recipients:0"] = Recipient,
    };

    [Fact]
    public async Task Upload_MatchesWatchedPersonAndMailsOnce_WhenPersonEnrolledFirst()
    {
        await using var smtp = new SmtpTestServer();
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(SmtpSettings(smtp.Port)));
        using var client = await host.CreateSignedInClientAsync();

        var (personId, reference) = await host.EnrollWatchedPersonAsync(client);
        Assert.Equal(StageStatus.Succeeded, reference.Status);

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var strangersId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
        var photo = await host.WaitForAllStagesAsync(photoId);
        var strangers = await host.WaitForAllStagesAsync(strangersId);

        Assert.Equal(Photos.FacesFoundWithWatchedPerson, photo.FaceCount);
        var match = Assert.Single(await host.Get<IMatchRepository>().ListByPhotoAsync(photoId));
        Assert.Equal(personId, match.PersonId);
        var matchedFace = (await host.Get<IFaceRepository>().ListByPhotoAsync(photoId)).Single(f => f.Id == match.FaceId);
        Assert.True(matchedFace.X + matchedFace.Width / 2 < photo.Width * 0.25, "Sheldon is the leftmost person in bbt3.jpg");

        Assert.Equal(3, strangers.FaceCount);
        Assert.Empty(await host.Get<IMatchRepository>().ListByPhotoAsync(strangersId));
        Assert.Equal(StageStatus.Skipped, strangers.AlertStatus);

        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(Recipient, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains(Photos.WatchedName, mail.Subject);
        Assert.Contains(match.Distance.ToString("0.000", CultureInfo.InvariantCulture), mail.TextBody);
        Assert.Contains($"/Photos/{photoId}", mail.TextBody);
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("image/jpeg", attachment.ContentType.MimeType);
        using var crop = new MemoryStream();
        await attachment.Content!.DecodeToAsync(crop);
        Assert.True(Assert.IsAssignableFrom<SixLabors.ImageSharp.IImageInfo>(Image.Identify(crop.ToArray())).Width > 0);

        var delivery = Assert.Single(await host.Get<IAlertRepository>().ListByPhotoAsync(photoId));
        Assert.Equal(AlertStatus.Sent, delivery.Status);
        var page = await client.GetStringAsync($"/Photos/{photoId}");
        Assert.Contains(Photos.WatchedName, page);
        Assert.Contains($"/hangfire/jobs/details/{photo.DetectJobId}", page);
    }

    [Fact]
    public async Task Upload_StoresAndShowsFacesButMatchesNone_WhenFacesAreTooSmallToIdentify()
    {
        await using var smtp = new SmtpTestServer();
        var settings = SmtpSettings(smtp.Port);
        settings["Recognition:MinInterEyeDistance"] = "200";
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(settings));
        using var client = await host.CreateSignedInClientAsync();
        await host.EnrollWatchedPersonAsync(client);

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var photo = await host.WaitForAllStagesAsync(photoId);

        Assert.Equal(Photos.FacesFoundWithWatchedPerson, photo.FaceCount);
        var stored = await host.Get<IFaceRepository>().ListByPhotoAsync(photoId);
        Assert.Equal(Photos.FacesFoundWithWatchedPerson, stored.Count);
        Assert.All(stored, face => Assert.Null(face.Embedding));
        Assert.Empty(await host.Get<IMatchRepository>().ListByPhotoAsync(photoId));
        Assert.Equal(StageStatus.Skipped, photo.AlertStatus);
        var page = await client.GetStringAsync($"/Photos/{photoId}");
        Assert.Equal(Photos.FacesFoundWithWatchedPerson, page.Split("too small to identify").Length - 1);
    }

    [Fact]
    public async Task AddingPerson_FindsThemInEarlierPhotosAndMails_WhenRecheckChosen()
    {
        await using var smtp = new SmtpTestServer();
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With(SmtpSettings(smtp.Port)));
        using var client = await host.CreateSignedInClientAsync();
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var before = await host.WaitForAllStagesAsync(photoId);
        Assert.Equal(0, before.MatchCount);

        var personId = Pipeline.IdFromRedirect(await client.PostFormAsync(
            "/People", [("Name", Photos.WatchedName), ("RecheckEarlierPhotos", "true")], [Photos.WatchedReference()]));

        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1, Pipeline.Timeout));
        Assert.Contains(Photos.WatchedName, mail.Subject);
        var match = Assert.Single(await host.Get<IMatchRepository>().ListByPhotoAsync(photoId));
        Assert.Equal(personId, match.PersonId);
    }

    [Fact]
    public async Task SameBytesUploadedTwice_AreOnePhoto_WhenUploadedAgain()
    {
        await using var storage = await StorageAsync();
        await using var host = await AppHost.StartAsync(storage.With());
        using var client = await host.CreateSignedInClientAsync();

        var first = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));
        var second = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.Strangers()));

        Assert.Equal(first, second);
        Assert.Equal(1, await host.Get<IPhotoRepository>().CountAsync());
    }
}

[Collection(AppCollection.Name)]
public sealed class SqlitePipelineEndToEndTests : PipelineEndToEndTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.SqliteAsync();
}

[Collection(AppCollection.Name)]
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlPipelineEndToEndTests : PipelineEndToEndTests
{
    protected override Task<TestStorage> StorageAsync() => TestStorage.PostgreSqlAsync();
}
