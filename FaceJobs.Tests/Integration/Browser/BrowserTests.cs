using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;
using FaceJobs.Tests.Integration.Jobs;
using Microsoft.Playwright;

namespace FaceJobs.Tests.Integration.Browser;

/// <summary>A person's view: real Chromium on the real pages, with the jobs running behind them.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly float Timeout = (float)Pipeline.Timeout.TotalMilliseconds;

    [Fact]
    public async Task UploadPage_ShowsFacesWithoutManualReload_WhenJobsFinish()
    {
        await using var host = await AppHost.StartAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.SignInAsync(host);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.SetInputFilesAsync("input[type=file]", TestPaths.Sample(4));
        await page.ClickAsync("form.upload button[type=submit]");

        Assert.Matches(@"/Photos/\d+$", page.Url);
        // progress.js reloads the page as the stages move on; the test never reloads it.
        await page.Locator(".face-box").Nth(3).WaitForAsync(new() { Timeout = Timeout });
        await page.Locator("[data-stage=alert] strong", new() { HasTextString = "Skipped" }).WaitForAsync(new() { Timeout = Timeout });
        Assert.Equal(4, await page.Locator(".face-box").CountAsync());
        Assert.Equal(4, await page.Locator("figure.face img").CountAsync());
        Assert.True(await page.Locator("figure.face img").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "facejobs-photo-page.png"), FullPage = true });

        await page.ClickAsync("[data-stage=detect] a");
        Assert.Contains("/hangfire/jobs/details/", page.Url);
        Assert.Contains("Succeeded", await page.ContentAsync());
    }

    [Fact]
    public async Task Dashboard_RequeueButton_DeliversAlert_WhenSmtpCameBack()
    {
        var port = SmtpTestServer.FreePort();
        await using var host = await AppHost.StartAsync(PipelineEndToEndTests.SmtpSettings(port));
        using var client = await host.CreateSignedInClientAsync();
        await host.EnrollWatchedPersonAsync(client);
        var photoId = Pipeline.IdFromRedirect(await client.UploadAsync(Photos.WithWatchedPerson()));
        var failed = await host.WaitForPhotoAsync(photoId, p => p.AlertStatus == StageStatus.Failed, "the alert stage to fail");
        await using var smtp = new SmtpTestServer(port);
        var page = await browser.Browser.NewPageAsync();
        await page.SignInAsync(host);

        await page.GotoAsync(new Uri(host.BaseAddress, $"/hangfire/jobs/details/{failed.AlertJobId}").ToString());
        Assert.Contains("could not be sent", await page.ContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Requeue" }).ClickAsync();

        await host.WaitForPhotoAsync(photoId, p => p.AlertStatus == StageStatus.Succeeded, "the requeued alert job to succeed");
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        await page.GotoAsync(new Uri(host.BaseAddress, "/Alerts").ToString());
        Assert.Equal(1, await page.Locator("tr.alert-sent").CountAsync());
    }

    [Fact]
    public async Task PhotoList_ShowsFaceCountsWithoutManualReload_WhenSeveralPhotosUploaded()
    {
        await using var host = await AppHost.StartAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.SignInAsync(host);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.SetInputFilesAsync("input[type=file]", [TestPaths.Sample(2), TestPaths.Sample(6)]);
        await page.ClickAsync("form.upload button[type=submit]");

        Assert.EndsWith("/Photos", page.Url);
        Assert.Contains("2 photo(s) queued", await page.Locator(".notice").InnerTextAsync());
        // The list polls and reloads itself until every stage is done; the test never reloads it.
        await page.Locator("#photo-list[data-finished=true]").WaitForAsync(new() { Timeout = Timeout });
        var counts = await page.Locator("td.face-count").AllInnerTextsAsync();
        Assert.Equal(["4", "3"], counts); // newest first: sample6 (4 faces), then sample2 (3)
    }
}

