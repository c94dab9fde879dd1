using MimeKit;

namespace FaceJobs.Core.Alerts;

/// <summary>Delivers one alert message; throws when it could not, so the job fails and Hangfire retries it.</summary>
public interface IAlertSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
