using System.Globalization;
using FaceJobs.Core.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FaceJobs.Core.Alerts;

/// <summary>Builds the alert email for one watchlist match.</summary>
public sealed class AlertMessageFactory(IOptions<AlertOptions> options)
{
    private readonly AlertOptions _options = options.Value;

    public string RecipientList => string.Join(", ", _options.Recipients);

    public MimeMessage Create(MatchView match, Photo photo, byte[]? faceJpeg)
    {
        var link = $"{_options.PublicBaseUrl.TrimEnd('/')}/Photos/{photo.Id}";
        var distance = match.Distance.ToString("0.000", CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            // The same id for the same match: if a crash between sending and recording forces a resend, receiving
            // mail systems can tell it is the same alert.
            MessageId = $"facejobs-alert-{match.PhotoId}-{match.FaceIndex}-{match.PersonId}@facejobs.local",
            Subject = $"Watchlist match: {match.PersonName} in photo {photo.Id}",
        };
        message.From.Add(MailboxAddress.Parse(_options.From));
        foreach (var recipient in _options.Recipients)
            message.To.Add(MailboxAddress.Parse(recipient));

        var body = new BodyBuilder
        {
            TextBody = $"""
                {match.PersonName} was recognised in photo {photo.Id} ("{photo.FileName}"), face {match.FaceIndex + 1}.
                Descriptor distance: {distance} (lower is closer).

                Photo: {link}
                """,
        };
        if (faceJpeg is not null)
            body.Attachments.Add($"face-{match.PhotoId}-{match.FaceIndex}.jpg", faceJpeg, new ContentType("image", "jpeg"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
