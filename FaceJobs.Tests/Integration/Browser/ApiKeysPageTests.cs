using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;
using Microsoft.Playwright;

namespace FaceJobs.Tests.Integration.Browser;

/// <summary>The API keys page in a real browser: a key created, shown once, working, then revoked; its name only ever text.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiKeysPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Key_IsShownOnceAndRevokedWithConfirmation_WhenNamedLikeAnAttack()
    {
        const string name = "x'+alert(document.domain)+'<img src=x onerror=alert(3)>";
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["FaceJobs:Role"] = "Web" });
        var page = await browser.Browser.NewPageAsync();
        var watch = PageWatch.On(page);
        page.Dialog += async (_, dialog) =>
        {
            watch.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.AcceptAsync();
        };
        await page.SignInAsync(host, AccountRole.Viewer);

        await page.ClickAsync("header a[href='/Account/ApiKeys']");
        await page.FillAsync("form.account-form input[name=Name]", name);
        await page.ClickAsync("form.account-form button[type=submit]");
        var key = await page.Locator("#new-api-key").TextContentAsync();
        using var api = host.CreateApiClient(key!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/photos")).StatusCode);

        await page.GotoAsync(new Uri(host.BaseAddress, "/Account/ApiKeys").ToString());
        Assert.Equal(0, await page.Locator("#new-api-key").CountAsync());
        Assert.DoesNotContain(key!, await page.ContentAsync());
        await page.Locator("tr[data-api-key] button.danger").ClickAsync();
        await page.WaitForURLAsync("**/Account/ApiKeys");
        await page.Locator(".notice").WaitForAsync();

        Assert.Equal([$"confirm: Revoke the key {name}? Programs using it stop working."], watch.Dialogs);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Contains("revoked", await page.Locator("tr[data-api-key]").TextContentAsync());
        watch.AssertClean();
    }
}
