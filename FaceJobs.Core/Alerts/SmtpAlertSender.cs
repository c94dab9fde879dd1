using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FaceJobs.Core.Alerts;

/// <summary>Sends alerts through an SMTP server with MailKit.</summary>
public sealed class SmtpAlertSender(IOptions<AlertOptions> options) : IAlertSender
{
    private readonly AlertOptions _options = options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = _options.SmtpTimeoutSeconds * 1000 };
        var security = Enum.Parse<SecureSocketOptions>(_options.SmtpSecurity, ignoreCase: true);
        await client.ConnectAsync(_options.SmtpHost ?? throw new InvalidOperationException("Alerts:SmtpHost is not set."), _options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.SmtpUserName))
            await client.AuthenticateAsync(_options.SmtpUserName, _options.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
