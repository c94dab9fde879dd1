using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Alerts;

/// <summary>Bound from <c>Alerts</c>. With no <see cref="SmtpHost"/>, alerts are written as .eml files instead of sent.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    [Required]
    public string From { get; set; } = "FaceJobs <facejobs@localhost>";

    /// <summary>Starts empty: configuration binding appends to a list, so a default here would stay among configured ones.</summary>
    [MinLength(1, ErrorMessage = "Alerts:Recipients must name at least one address.")]
    public List<string> Recipients { get; set; } = [];

    /// <summary>Where the pages are reachable, for the link in each alert.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Empty: write each alert to <see cref="PickupDirectory"/> as an .eml file.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string SmtpSecurity { get; set; } = "StartTlsWhenAvailable";

    /// <summary>Leave empty for no authentication. Supply the password through an environment variable, never the repo.</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Folder for .eml files when no SMTP host is set; relative paths are under the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";
}
