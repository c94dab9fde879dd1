using Microsoft.Extensions.Options;
using MimeKit;

namespace FaceJobs.Core.Alerts;

/// <summary>Writes each alert as an .eml file, for a fresh clone with no mail server configured.</summary>
public sealed class PickupDirectoryAlertSender(IOptions<AlertOptions> options, string contentRoot) : IAlertSender
{
    private readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory, contentRoot);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())) + ".eml";
        var path = Path.Combine(_directory, name);
        // Write then rename, so a reader never sees half a message.
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
