namespace FaceJobs.Core.Data.Repositories;

/// <summary>Alert deliveries, one row per (photo, face index, person), so a retried job never mails twice.</summary>
public interface IAlertRepository
{
    /// <summary>Matches of the photo with no <see cref="AlertStatus.Sent"/> delivery yet.</summary>
    Task<IReadOnlyList<MatchView>> ListUnsentAsync(long photoId, CancellationToken cancellationToken = default);

    /// <summary>Records a successful send (insert or update of the delivery row).</summary>
    Task RecordSentAsync(MatchView match, string recipient, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and counts it (insert or update of the delivery row).</summary>
    Task RecordFailedAsync(MatchView match, string recipient, string error, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AlertDelivery>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlertDelivery>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default);
}
