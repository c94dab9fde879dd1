using System.Net;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>Bad files get a clear message on the page, store nothing, and leave the server serving.</summary>
[Collection(AppCollection.Name)]
public sealed class BadUploadTests : IAsyncLifetime
{
    private AppHost _host = null!;

    public async Task InitializeAsync() => _host = await AppHost.StartAsync(new Dictionary<string, string> { ["Upload:MaxFileBytes"] = "300000" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "notes.jpg", "text", "not a readable image" },
        { "cut.jpg", "truncated", "truncated" },
        { "big.jpg", "oversize", "the limit is" },
        { "bomb.png", "bomb", "megapixels" },
        { "moving.webp", "animated", "Animated images are not accepted" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_ShowsReasonAndStoresNothing_WhenFileIsBad(string fileName, string kind, string expectedMessage)
    {
        var bytes = kind switch
        {
            "text" => "GIF89a? no, just text pretending to be a photo"u8.ToArray(),
            "truncated" => TestImages.Truncated(TestPaths.Sample(1)),
            "oversize" => new byte[400_000].Select((_, i) => (byte)i).ToArray(),
            "animated" => TestImages.AnimatedWebP(),
            _ => TestImages.PngClaiming(30_000, 30_000),
        };
        using var client = await _host.CreateSignedInClientAsync();

        var response = await client.UploadAsync((fileName, bytes));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(fileName, page);
        Assert.Contains(expectedMessage, page);
        Assert.Equal(0, await _host.Get<IPhotoRepository>().CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Upload_KeepsGoodFileAndNamesBadOne_WhenMixed()
    {
        using var client = await _host.CreateSignedInClientAsync();

        var response = await client.UploadAsync(("fine.jpg", File.ReadAllBytes(TestPaths.Sample(5))), ("cut.jpg", TestImages.Truncated(TestPaths.Sample(1))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await _host.Get<IPhotoRepository>().CountAsync());
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Refused cut.jpg", list);
    }

    [Fact]
    public async Task Upload_Gets413Page_WhenRequestBodyOverTheLimit()
    {
        using var client = await _host.CreateSignedInClientAsync();
        var big = new byte[3_000_000];
        // As a browser does it in effect: the server answers 413 without reading the body, and HttpClient (unlike
        // a browser, which reads the answer) needs 100-continue not to fail on the socket the server closes.
        client.DefaultRequestHeaders.ExpectContinue = true;

        // 20 files × 300 kB + 1 MiB is the limit for the whole request; three 3 MB files are over it.
        var response = await client.UploadAsync(("a.jpg", big), ("b.jpg", big), ("c.jpg", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Upload too large"), body[body.IndexOf("<main>", StringComparison.Ordinal)..]);
        Assert.Equal(0, await _host.Get<IPhotoRepository>().CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Upload_IsRefused_WhenAntiforgeryTokenMissing()
    {
        using var client = await _host.CreateSignedInClientAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(TestPaths.Sample(6))), "Files", "x.jpg" } };

        var response = await client.PostAsync("/", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _host.Get<IPhotoRepository>().CountAsync());
    }

    [Fact]
    public async Task Health_IsHealthy_WhenDatabaseAnswers()
    {
        using var client = _host.CreateClient(); // anonymous: /health is open

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}
