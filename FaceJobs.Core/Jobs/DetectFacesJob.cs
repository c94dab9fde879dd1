using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Core.Jobs;

/// <summary>Finds the faces on an uploaded photo and stores them with their crops. Running it again replaces them.</summary>
public sealed class DetectFacesJob(
    IPhotoRepository photos,
    IFaceRepository faces,
    IFaceAnalyzer analyzer,
    BackgroundCpu cpu,
    DecodedPhotoHandOff handOff,
    PhotoStageRunner stages,
    ILogger<DetectFacesJob> logger)
{
    [Queue(JobQueues.Detect)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Detect faces in photo {0}")]
    public Task RunAsync(long photoId, CancellationToken cancellationToken) =>
        stages.RunAsync(photoId, PipelineStage.Detect, async () =>
        {
            var content = await photos.GetContentAsync(photoId, cancellationToken)
                ?? throw new InvalidOperationException($"Photo {photoId} has no stored content.");
            var found = await cpu.RunAsync(() =>
            {
                var image = FaceAnalyzer.DecodeUpright(content);
                try
                {
                    var faces = analyzer.DetectFaces(image);
                    if (faces.Count > 0)
                        handOff.Give(photoId, image);
                    else
                        image.Dispose();
                    return faces;
                }
                catch
                {
                    image.Dispose();
                    throw;
                }
            });
            var rows = found.Select((f, index) => new NewFace(
                index,
                f.Face.Box.X,
                f.Face.Box.Y,
                f.Face.Box.Width,
                f.Face.Box.Height,
                f.Face.Score,
                DescriptorBlob.ToBytes(f.Face.Keypoints.SelectMany(p => new[] { p.X, p.Y }).ToArray()),
                f.ThumbnailJpeg)).ToList();
            await faces.ReplaceFacesAsync(photoId, rows, cancellationToken);
            logger.LogInformation("Photo {PhotoId}: {FaceCount} faces detected", photoId, rows.Count);
            return StageStatus.Succeeded;
        }, cancellationToken);
}
