using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>Schedules the detect → recognize → alert chain for a photo and keeps the job ids on it.</summary>
public sealed class PhotoPipeline(IBackgroundJobClient jobs, IPhotoRepository photos, IOptions<PipelineOptions> options, IServiceProvider services)
{
    public async Task StartAsync(long photoId, CancellationToken cancellationToken)
    {
        if (options.Value.Mode == PipelineMode.Inline)
        {
            await RunInlineAsync(photoId, cancellationToken);
            return;
        }

        await ContinueAsync(new PipelineProgress(photoId), cancellationToken);
    }

    /// <summary>
    /// Creates the jobs <paramref name="progress"/> does not have yet, then records their ids: called again after a
    /// storage error, it goes on where the last call stopped instead of starting a second chain.
    /// </summary>
    public async Task ContinueAsync(PipelineProgress progress, CancellationToken cancellationToken)
    {
        var photoId = progress.PhotoId;
        progress.DetectJobId ??= jobs.Enqueue<DetectFacesJob>(job => job.RunAsync(photoId, CancellationToken.None));
        progress.RecognizeJobId ??= jobs.ContinueJobWith<RecognizeFacesJob>(progress.DetectJobId, job => job.RunAsync(photoId, CancellationToken.None));
        progress.AlertJobId ??= jobs.ContinueJobWith<SendAlertsJob>(progress.RecognizeJobId, job => job.RunAsync(photoId, CancellationToken.None));
        await photos.SetJobIdsAsync(photoId, progress.DetectJobId, progress.RecognizeJobId, progress.AlertJobId, cancellationToken);
    }

    // The benchmark baseline (PipelineOptions.Mode): the same jobs, run one after another inside the request.
    private async Task RunInlineAsync(long photoId, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DetectFacesJob>().RunAsync(photoId, cancellationToken);
        await services.GetRequiredService<RecognizeFacesJob>().RunAsync(photoId, cancellationToken);
        await services.GetRequiredService<SendAlertsJob>().RunAsync(photoId, cancellationToken);
    }
}

/// <summary>Which of a photo's three jobs exist so far (<see cref="PhotoPipeline.ContinueAsync"/>).</summary>
public sealed class PipelineProgress(long photoId)
{
    public long PhotoId { get; } = photoId;
    public string? DetectJobId { get; set; }
    public string? RecognizeJobId { get; set; }
    public string? AlertJobId { get; set; }
}
