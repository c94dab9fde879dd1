using FaceJobs.Tests.Fixtures;
using FaceJobs.Web.Hosting;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>Every response, not only pages with a form, carries the browser-side protections.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeaderTests
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesCspNosniffReferrerAndPermissionsPolicy()
    {
        await using var host = await AppHost.StartAsync();
        using var client = host.CreateClient();

        foreach (var path in new[] { "/", "/health", "/site.css", "/confirm.js", "/media/photos/999999", "/no-such-page", "/hangfire" })
        {
            using var response = await client.GetAsync(path);
            var expectedCsp = path.StartsWith("/hangfire", StringComparison.Ordinal) ? SecurityHeaders.DashboardContentSecurityPolicy : SecurityHeaders.ContentSecurityPolicy;
            Assert.Equal(expectedCsp, Single(response, "Content-Security-Policy"));
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
            Assert.Equal("DENY", Single(response, "X-Frame-Options"));
            Assert.Contains("camera=()", Single(response, "Permissions-Policy"));
        }

        Assert.DoesNotContain("script-src 'self' 'unsafe", SecurityHeaders.DashboardContentSecurityPolicy);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
