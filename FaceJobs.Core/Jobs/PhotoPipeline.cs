using FaceJobs.Core.Data.Repositories;
using Hangfire;

namespace FaceJobs.Core.Jobs;

/// <summary>Schedules the detect → recognize → alert chain for a photo and keeps the job ids on it.</summary>
public sealed class PhotoPipeline(IBackgroundJobClient jobs, IPhotoRepository photos)
{
    public async Task StartAsync(long photoId, CancellationToken cancellationToken)
    {
        var detect = jobs.Enqueue<DetectFacesJob>(job => job.RunAsync(photoId, CancellationToken.None));
        var recognize = jobs.ContinueJobWith<RecognizeFacesJob>(detect, job => job.RunAsync(photoId, CancellationToken.None));
        var alert = jobs.ContinueJobWith<SendAlertsJob>(recognize, job => job.RunAsync(photoId, CancellationToken.None));
        await photos.SetJobIdsAsync(photoId, detect, recognize, alert, cancellationToken);
    }
}
