using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Schedules the pipeline of photos that were stored but never got their jobs: the upload stores the photo, then
/// <see cref="PipelineStarter"/> enqueues its chain, so a web process killed (or a database lost) between the two leaves
/// a photo that nothing would ever process, and a repeat upload of the same bytes only leads to it. Runs every minute; a
/// photo younger than <see cref="PipelineOptions.UnscheduledGraceSeconds"/> is left to the starter still scheduling it.
/// </summary>
public sealed class StartUnscheduledPipelinesJob(
    IPhotoRepository photos, PhotoPipeline pipeline, IOptions<PipelineOptions> options, TimeProvider clock,
    ILogger<StartUnscheduledPipelinesJob> logger)
{
    public const string RecurringJobId = "facejobs:start-unscheduled-pipelines";

    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Start pipelines of photos stored without jobs")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The in-request baseline never records job ids; it has nothing to recover.
        if (options.Value.Mode == PipelineMode.Inline)
            return;

        var storedBefore = clock.GetUtcNow().UtcDateTime.AddSeconds(-options.Value.UnscheduledGraceSeconds);
        foreach (var photo in await photos.ListUnscheduledAsync(cancellationToken))
        {
            if (photo.UploadedAtUtc > storedBefore)
                continue;
            await pipeline.StartAsync(photo.Id, cancellationToken);
            logger.LogWarning("Photo {PhotoId} was stored at {UploadedAt:u} without jobs; scheduled its pipeline", photo.Id, photo.UploadedAtUtc);
        }
    }
}
