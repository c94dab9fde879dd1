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

        var detect = jobs.Enqueue<DetectFacesJob>(job => job.RunAsync(photoId, CancellationToken.None));
        var recognize = jobs.ContinueJobWith<RecognizeFacesJob>(detect, job => job.RunAsync(photoId, CancellationToken.None));
        var alert = jobs.ContinueJobWith<SendAlertsJob>(recognize, job => job.RunAsync(photoId, CancellationToken.None));
        await photos.SetJobIdsAsync(photoId, detect, recognize, alert, cancellationToken);
    }

    // The benchmark baseline (PipelineOptions.Mode): the same jobs, run one after another inside the request.
    private async Task RunInlineAsync(long photoId, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DetectFacesJob>().RunAsync(photoId, cancellationToken);
        await services.GetRequiredService<RecognizeFacesJob>().RunAsync(photoId, cancellationToken);
        await services.GetRequiredService<SendAlertsJob>().RunAsync(photoId, cancellationToken);
    }
}
