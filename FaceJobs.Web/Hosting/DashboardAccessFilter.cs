using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Lets the dashboard (which can retry and delete jobs) be reached from this machine only, or, when a user name and
/// password are configured, from anywhere with HTTP Basic credentials.
/// </summary>
public sealed class DashboardAccessFilter(string? userName, string? password) : IDashboardAuthorizationFilter
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)
        ? null
        : Encoding.UTF8.GetBytes($"{userName}:{password}");

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (_expected is null)
            return IsLocal(http);

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Matches(header[6..].Trim()))
            return true;

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"FaceJobs dashboard\", charset=\"UTF-8\"";
        return false;
    }

    private bool Matches(string encoded)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(encoded), _expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        // The in-memory test server sets no address.
        return remote is null || System.Net.IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress);
    }
}
