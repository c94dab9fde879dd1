using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>Finds the main (largest) face of a watchlist reference photo and stores its descriptor.</summary>
public sealed class EnrollReferenceJob(IPersonRepository people, Faces.IFaceAnalyzer analyzer, BackgroundCpu cpu, ILogger<EnrollReferenceJob> logger)
{
    public const string NoFaceError = "No face was found in this reference photo; upload one where the face is clearly visible.";

    [Queue(JobQueues.Recognize)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Enroll watchlist reference {0}")]
    public async Task RunAsync(long referenceId, CancellationToken cancellationToken)
    {
        var content = await people.GetReferenceContentAsync(referenceId, cancellationToken);
        if (content is null)
        {
            logger.LogInformation("Reference {ReferenceId} is gone (person removed); nothing to enroll", referenceId);
            return;
        }

        await people.SetReferenceStatusAsync(referenceId, StageStatus.Running, null, cancellationToken);
        try
        {
            var enrolled = await cpu.RunAsync<(FoundFace Main, float[] Descriptor)?>(() =>
            {
                using var image = Faces.FaceAnalyzer.DecodeUpright(content);
                var main = analyzer.DetectReferenceFaces(image).MaxBy(f => f.Face.Box.Width * f.Face.Box.Height);
                return main is null ? null : (Main: main, Descriptor: analyzer.EmbedFaces(image, [main.Face])[0]);
            });
            if (enrolled is not { } found)
            {
                // A photo without a face will not grow one on retry: record it for the page, do not fail the job.
                await people.SetReferenceStatusAsync(referenceId, StageStatus.Failed, NoFaceError, cancellationToken);
                return;
            }

            await people.SetReferenceEnrolledAsync(referenceId, DescriptorBlob.ToBytes(found.Descriptor), found.Main.ThumbnailJpeg, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await people.SetReferenceStatusAsync(referenceId, StageStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }
}
