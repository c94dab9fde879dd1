using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Photos;
using FaceJobs.Tests.Fixtures;
using Microsoft.Playwright;

namespace FaceJobs.Tests.Integration.Browser;

/// <summary>
/// "Delete photo" and the audit log in headless Chromium: the delete asks first (data-confirm, confirm.js) and
/// deletes only when accepted; a name tried at sign-in written as script shows on the audit page as text. Any
/// unexpected dialog, script error, CSP report or failed response fails the test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PrivacyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DeletePhotoButton_AsksFirst_AndDeletesOnlyWhenAccepted()
    {
        await using var host = await AppHost.StartAsync();
        var photos = host.Get<IPhotoRepository>();
        var (fileName, content) = Photos.Strangers();
        var photoId = (await photos.AddAsync(new NewPhoto(ContentHash.Of(content), fileName, "image/jpeg", 1, 1, content.Length), content)).Id;
        // Finished stages, so the page does not poll a status that the delete is about to remove.
        foreach (var stage in Enum.GetValues<PipelineStage>())
            await photos.SetStageStatusAsync(photoId, stage, StageStatus.Skipped);
        var page = await browser.Browser.NewPageAsync();
        await page.SignInAsync(host);
        var watch = PageWatch.On(page);
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            watch.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            if (accept)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };

        await page.GotoAsync(new Uri(host.BaseAddress, $"/Photos/{photoId}").ToString());
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete photo" });
        await delete.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await photos.ExistsAsync(photoId)); // dismissed: nothing deleted

        accept = true;
        await delete.ClickAsync();
        await page.WaitForURLAsync("**/Photos");

        Assert.Contains($"Photo {photoId} deleted", await page.Locator(".notice").InnerTextAsync());
        Assert.False(await photos.ExistsAsync(photoId));
        const string question = "confirm: Delete this photo with its faces, matches and alert records? This cannot be undone.";
        Assert.Equal([question, question], watch.Dialogs);
        watch.AssertClean();
    }

    [Fact]
    public async Task AuditPage_ShowsANameTriedAtSignIn_AsText_WhenItWasWrittenAsScript()
    {
        const string hostile = "x'+alert(document.domain)+'<img src=x onerror=alert(3)><script>alert(4)</script>";
        await using var host = await AppHost.StartAsync();
        using (var anonymous = host.CreateClient())
            await anonymous.SignInAsync(hostile, "wrong password, never recorded");
        var page = await browser.Browser.NewPageAsync();
        var watch = PageWatch.On(page);
        page.Dialog += (_, dialog) => watch.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
        await page.SignInAsync(host, AccountRole.Admin);

        var response = await page.GotoAsync(new Uri(host.BaseAddress, "/Admin/Audit").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(response!.Ok);
        var failed = page.Locator($"tr[data-action='{AuditActions.SignInFailed}']");
        Assert.Equal(AuditSubjects.Account(hostile), await failed.Locator("td.subject").InnerTextAsync());
        Assert.Equal(AuditSubjects.Anonymous, await failed.Locator("td.actor").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.DoesNotContain("never recorded", await page.ContentAsync());
        Assert.Empty(watch.Dialogs);
        watch.AssertClean();
    }
}
