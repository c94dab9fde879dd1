using FaceJobs.Core.Data.Repositories;
using Hangfire;

namespace FaceJobs.Core.Jobs;

/// <summary>Schedules enrollment of a person's new references, one after another, then optionally a re-check of earlier photos.</summary>
public sealed class WatchlistEnrollment(IBackgroundJobClient jobs, IPersonRepository people)
{
    public async Task StartAsync(long personId, IReadOnlyList<long> referenceIds, bool recheckEarlierPhotos, CancellationToken cancellationToken)
    {
        string? previous = null;
        foreach (var referenceId in referenceIds)
        {
            previous = previous is null
                ? jobs.Enqueue<EnrollReferenceJob>(job => job.RunAsync(referenceId, CancellationToken.None))
                : jobs.ContinueJobWith<EnrollReferenceJob>(previous, job => job.RunAsync(referenceId, CancellationToken.None));
            await people.SetReferenceJobIdAsync(referenceId, previous, cancellationToken);
        }

        if (recheckEarlierPhotos && previous is not null)
            jobs.ContinueJobWith<RecheckPhotosJob>(previous, job => job.RunAsync(personId, CancellationToken.None));
    }
}
