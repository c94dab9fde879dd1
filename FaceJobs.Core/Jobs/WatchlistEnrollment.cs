using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Photos;
using Hangfire;

namespace FaceJobs.Core.Jobs;

/// <summary>Schedules enrollment of a person's new references, one after another, then optionally a re-check of earlier photos.</summary>
public sealed class WatchlistEnrollment(IBackgroundJobClient jobs, IPersonRepository people, ImageValidator validator)
{
    /// <summary>Checks each reference photo as an upload is checked, stores the good ones and schedules their enrollment.</summary>
    public async Task<IReadOnlyList<IntakeResult>> AddReferencesAsync(
        long personId, IAsyncEnumerable<(string FileName, byte[] Content)> files, bool recheckEarlierPhotos, CancellationToken cancellationToken)
    {
        var results = new List<IntakeResult>();
        var accepted = new List<long>();
        await foreach (var (fileName, content) in files.WithCancellation(cancellationToken))
        {
            var check = validator.Check(content);
            if (!check.IsAccepted)
            {
                results.Add(new IntakeResult(fileName, null, false, check.Error));
                continue;
            }

            var referenceId = await people.AddReferenceAsync(personId, ContentHash.Of(content), PhotoIntake.SafeFileName(fileName), content, cancellationToken);
            accepted.Add(referenceId);
            results.Add(new IntakeResult(fileName, referenceId, false, null));
        }

        await StartAsync(personId, accepted, recheckEarlierPhotos, cancellationToken);
        return results;
    }

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
