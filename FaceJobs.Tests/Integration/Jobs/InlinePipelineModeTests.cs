using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>The load benchmark's baseline (Pipeline:Mode=Inline): the upload request itself runs every stage.</summary>
[Collection(AppCollection.Name)]
public sealed class InlinePipelineModeTests
{
    [Fact]
    public async Task Upload_HasDetectedRecognizedAndMailedBeforeItAnswers_WhenModeIsInline()
    {
        await using var smtp = new SmtpTestServer();
        var settings = PipelineEndToEndTests.SmtpSettings(smtp.Port);
        settings["Pipeline:Mode"] = "Inline";
        await using var host = await AppHost.StartAsync(settings);
        using var client = await host.CreateSignedInClientAsync();
        var (personId, _) = await host.EnrollWatchedPersonAsync(client);

        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var photo = (await host.Get<IPhotoRepository>().GetAsync(photoId))!;

        Assert.Equal((StageStatus.Succeeded, StageStatus.Succeeded, StageStatus.Succeeded), (photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus));
        Assert.Null(photo.DetectJobId);
        Assert.Equal(personId, Assert.Single(await host.Get<IMatchRepository>().ListByPhotoAsync(photoId)).PersonId);
        Assert.Single(smtp.Messages);
    }
}
