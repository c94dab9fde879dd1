using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Microsoft.Playwright;

namespace FaceJobs.Tests.Integration.Browser;

/// <summary>
/// User text never runs as script: a watchlist name written as an attack, and one with a line break, only ever show
/// up as text in the Remove confirmation. Any unexpected dialog, page error or CSP report fails the test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScriptInjectionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> HostileNames() => new()
    {
        "x'+alert(document.domain)+'",
        "Line\nbreak",
        "</script><script>alert(1)</script><img src=x onerror=alert(2)>",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task RemoveButton_AsksWithTheNameAsText_AndRunsNoScript(string name)
    {
        await using var host = await AppHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        var personId = Pipeline.IdFromRedirect(await client.PostFormAsync(
            "/People", [("Name", name), ("RecheckEarlierPhotos", "false")], [Photos.WatchedReference()]));
        var page = await browser.Browser.NewPageAsync();
        await page.SignInAsync(host);
        var watch = PageWatch.On(page);
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            watch.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            if (answer)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };

        await page.GotoAsync(new Uri(host.BaseAddress, "/People").ToString());
        var remove = page.Locator($"tr[data-person-id='{personId}'] button.danger");
        await remove.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.NotNull(await host.Get<IPersonRepository>().GetAsync(personId)); // dismissed: nothing removed

        answer = true;
        await remove.ClickAsync();
        await page.WaitForURLAsync("**/People");
        await page.Locator(".notice").WaitForAsync();

        Assert.Null(await host.Get<IPersonRepository>().GetAsync(personId));
        var expected = $"confirm: Remove {name} and their matches?";
        Assert.Equal([expected, expected], watch.Dialogs);
        watch.AssertClean();
    }

    [Fact]
    public async Task EveryPage_LoadsWithoutCspViolations_AndPlacesFaceBoxesFromScript()
    {
        await using var host = await AppHost.StartAsync();
        using var client = await host.CreateSignedInClientAsync();
        var (personId, _) = await host.EnrollWatchedPersonAsync(client);
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var photo = await host.WaitForAllStagesAsync(photoId);
        await host.AddAccountAsync(AccountRole.Viewer, "x'+alert(document.domain)+'<img src=x onerror=alert(3)>");
        var page = await browser.Browser.NewPageAsync();
        var watch = PageWatch.On(page);
        page.Dialog += (_, dialog) => watch.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
        await page.SignInAsync(host, AccountRole.Admin);

        foreach (var path in new[] { "/", "/Admin/Accounts", "/Admin/Audit", "/Account/ApiKeys", "/Photos", $"/Photos/{photoId}", "/People", $"/People/{personId}", "/Alerts", "/Queues",
                     "/hangfire", "/hangfire/jobs/succeeded", $"/hangfire/jobs/details/{photo.DetectJobId}", "/hangfire/recurring", "/hangfire/servers" })
        {
            var response = await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            Assert.StartsWith("default-src 'self'", await response.HeaderValueAsync("content-security-policy"));
            if (path == $"/Photos/{photoId}")
            {
                var box = await page.Locator(".face-box").First.BoundingBoxAsync();
                Assert.True(box is { Width: > 10, Height: > 10 }, "the face box is sized by face-boxes.js");
            }
        }

        Assert.Empty(watch.Dialogs);
        watch.AssertClean();
    }
}

/// <summary>Collects what a page must not produce: dialogs nobody expected, script errors, CSP violations.</summary>
internal sealed class PageWatch
{
    public List<string> Dialogs { get; } = [];

    public List<string> Problems { get; } = [];

    public static PageWatch On(IPage page)
    {
        var watch = new PageWatch();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                watch.Problems.Add($"{page.Url}: console {message.Type}: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                watch.Problems.Add($"{page.Url}: {response.Status} for {response.Url}");
        };
        page.PageError += (_, error) => watch.Problems.Add($"{page.Url}: page error: {error}");
        return watch;
    }

    public void AssertClean() => Assert.True(Problems.Count == 0, string.Join("\n", Problems));
}
