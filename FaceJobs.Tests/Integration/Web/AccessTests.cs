using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Hangfire;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>Nothing but /health, the sign-in page and static files without sign-in; what a role may do, it may do only.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests : IAsyncLifetime
{
    private AppHost _host = null!;

    public async Task InitializeAsync() => _host = await AppHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/Photos")]
    [InlineData("/Photos/1")]
    [InlineData("/Photos/1?handler=Status")]
    [InlineData("/People")]
    [InlineData("/People/1")]
    [InlineData("/Alerts")]
    [InlineData("/Queues")]
    [InlineData("/Admin/Accounts")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/succeeded")]
    public async Task Page_RedirectsToSignIn_WhenAnonymous(string path)
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/media/photos/1")]
    [InlineData("/media/faces/1")]
    [InlineData("/media/references/1")]
    [InlineData("/api/v1/photos")]
    public async Task MediaAndApi_Answer401_WhenAnonymous(string path)
    {
        using var client = _host.CreateClient();
        using var signedIn = await _host.CreateSignedInClientAsync(AccountRole.Viewer);
        var photoId = await SeedPhotoAsync();

        var response = await client.GetAsync(path.Replace("/1", $"/{photoId}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        if (path.StartsWith("/media/photos", StringComparison.Ordinal))
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/media/photos/{photoId}")).StatusCode);
    }

    [Fact]
    public async Task OpenThings_AreOpen_WhenAnonymous()
    {
        using var client = _host.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    [Fact]
    public async Task AnonymousPost_DeletesNothing()
    {
        var personId = await _host.Get<IPersonRepository>().AddPersonAsync("Kept", null);
        using var client = _host.CreateClient();

        var response = await client.PostAsync($"/People?handler=Delete&id={personId}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await _host.Get<IPersonRepository>().GetAsync(personId));
    }

    [Fact]
    public async Task Viewer_SeesPagesWithoutButtons_AndIsRefusedEveryAction()
    {
        var personId = await _host.Get<IPersonRepository>().AddPersonAsync("Watched", null);
        var photoId = await SeedPhotoAsync();
        using var viewer = await _host.CreateSignedInClientAsync(AccountRole.Viewer);

        var people = await viewer.GetStringAsync("/People");
        Assert.Contains("Watched", people);
        Assert.DoesNotContain("Remove</button>", people);
        Assert.DoesNotContain("Add to watchlist", people);
        Assert.DoesNotContain("form.upload", await viewer.GetStringAsync("/"));
        Assert.DoesNotContain("Process again", await viewer.GetStringAsync($"/Photos/{photoId}"));

        // The forms are not shown, so take a token from a page that has one (the sign-out form in the header).
        var delete = await viewer.PostFormAsync("/Photos", [], [], handler: null, target: $"/People?handler=Delete&id={personId}");
        var upload = await viewer.PostFormAsync("/Photos", [], [Photos.Strangers()], target: "/");
        var reprocess = await viewer.PostFormAsync("/Photos", [], [], target: $"/Photos/{photoId}?handler=Reprocess");
        var accounts = await viewer.GetAsync("/Admin/Accounts");

        foreach (var refused in new[] { delete, upload, reprocess, accounts })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/Denied", refused.Headers.Location!.PathAndQuery);
        }

        Assert.NotNull(await _host.Get<IPersonRepository>().GetAsync(personId));
        Assert.Equal(1, await _host.Get<IPhotoRepository>().CountAsync());
    }

    [Fact]
    public async Task Dashboard_IsReadOnlyForViewer_AndFullForOperator()
    {
        var jobId = _host.Get<IBackgroundJobClient>().Schedule(() => Console.WriteLine("later"), TimeSpan.FromHours(1));
        using var viewer = await _host.CreateSignedInClientAsync(AccountRole.Viewer);
        using var operatorClient = await _host.CreateSignedInClientAsync(AccountRole.Operator);

        var viewerPage = await viewer.GetStringAsync($"/hangfire/jobs/details/{jobId}");
        var operatorPage = await operatorClient.GetStringAsync($"/hangfire/jobs/details/{jobId}");

        Assert.Contains($"#{jobId}", viewerPage);
        Assert.DoesNotContain("data-ajax=", viewerPage);
        Assert.Contains("data-ajax=", operatorPage);
        var requeue = await viewer.PostAsync("/hangfire/jobs/scheduled/enqueue", new FormUrlEncodedContent([new("jobs[]", jobId)]));
        Assert.False(requeue.IsSuccessStatusCode, $"a Viewer's requeue answered {(int)requeue.StatusCode}");
        Assert.Equal("Scheduled", _host.Get<JobStorage>().GetConnection().GetStateData(jobId).Name);
    }

    private async Task<long> SeedPhotoAsync()
    {
        var photos = _host.Get<IPhotoRepository>();
        var existing = await photos.ListAsync(0, 1);
        if (existing.Count > 0)
            return existing[0].Id;
        using var operatorClient = await _host.CreateSignedInClientAsync();
        return Pipeline.IdFromRedirect(await operatorClient.UploadAsync(Photos.Strangers()));
    }
}
