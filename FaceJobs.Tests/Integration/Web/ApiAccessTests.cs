using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using FaceJobs.Web.Accounts;
using Microsoft.AspNetCore.Routing;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>One web app (no workers: jobs stay queued) shared by the API access tests; each test makes its own accounts and data.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public AppHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AppHost.StartAsync(new Dictionary<string, string>
    {
        ["FaceJobs:Role"] = "Web",
        ["Upload:MaxFileBytes"] = "1000000",
        ["Accounts:SignInAttemptsPerMinute"] = "100",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The API under /api/v1 over real HTTP: keys only (no cookie), every route refused without one, the roles of the
/// key's account as it is now, revoked keys refused, and problem details for every refusal.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiAccessTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private AppHost Host => fixture.Host;

    [Fact]
    public async Task EveryApiRoute_Answers401Problem_WhenAnonymous()
    {
        var routes = ApiRoutes();
        using var anonymous = Host.CreateClient();

        Assert.True(routes.Count >= 9, $"only {routes.Count} API routes found");
        foreach (var (method, path) in routes)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", "1", StringComparison.Ordinal)));

            var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains("/Account/ApiKeys", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task SignInCookie_IsNotAccepted_OnTheApi()
    {
        using var signedIn = await Host.CreateSignedInClientAsync(AccountRole.Operator);
        var name = $"cookie-{Guid.NewGuid():N}";

        var read = await signedIn.GetAsync("/api/v1/people");
        var write = await signedIn.PostAsJsonAsync("/api/v1/people", new { name });

        await read.ProblemAsync(HttpStatusCode.Unauthorized);
        await write.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(await Host.Get<IPersonRepository>().ListAsync(), person => person.Name == name);
    }

    [Fact]
    public async Task ViewerKey_Reads_ButIsRefusedEveryChange()
    {
        var personId = await Host.Get<IPersonRepository>().AddPersonAsync($"watched-{Guid.NewGuid():N}", null);
        var photo = ("unique.jpg", TestImages.DistinctJpeg(TestPaths.Sample(2), Random.Shared.Next()));
        using var viewer = await Host.CreateApiClientAsync(AccountRole.Viewer);

        foreach (var path in new[] { "/api/v1/photos", "/api/v1/people", $"/api/v1/people/{personId}", "/api/v1/alerts" })
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
        var refused = new[]
        {
            await viewer.PostAsync("/api/v1/photos", ApiClients.Multipart(photo)),
            await viewer.PostAsJsonAsync("/api/v1/people", new { name = "Not added" }),
            await viewer.DeleteAsync($"/api/v1/people/{personId}"),
            await viewer.PostAsync($"/api/v1/people/{personId}/references", ApiClients.Multipart(photo)),
        };

        foreach (var response in refused)
            Assert.Contains("Viewer", (await response.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.NotNull(await Host.Get<IPersonRepository>().GetAsync(personId));
        Assert.Empty(await Host.Get<IPersonRepository>().ListReferencesAsync(personId));
        Assert.Null(await Host.Get<IPhotoRepository>().FindByHashAsync(Convert.ToHexStringLower(SHA256.HashData(photo.Item2))));
        Assert.DoesNotContain(await Host.Get<IPersonRepository>().ListAsync(), person => person.Name == "Not added");
    }

    [Fact]
    public async Task RoleChange_AppliesToTheKey_AtTheNextRequest()
    {
        var name = await Host.AddAccountAsync(AccountRole.Operator);
        using var signedIn = await SignIn.SignedInAsync(Host.CreateClient(), name);
        using var api = Host.CreateApiClient(await signedIn.CreateApiKeyAsync());
        var accountId = (await Host.Get<IAccountRepository>().FindByNameAsync(name))!.Id;

        var asOperator = await api.PostAsJsonAsync("/api/v1/people", new { name = "Added by an operator" });
        Assert.Null(await Host.Get<AccountAdministration>().SetRoleAsync(accountId, AccountRole.Viewer));
        var asViewer = await api.PostAsJsonAsync("/api/v1/people", new { name = "Added by a viewer" });

        Assert.Equal(HttpStatusCode.Created, asOperator.StatusCode);
        await asViewer.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task RevokedKey_Gets401_WhenRevokedOnThePage()
    {
        using var signedIn = await Host.CreateSignedInClientAsync(AccountRole.Operator);
        var key = await signedIn.CreateApiKeyAsync("to revoke");
        var kept = await signedIn.CreateApiKeyAsync("to keep");
        using var api = Host.CreateApiClient(key);
        using var keptApi = Host.CreateApiClient(kept);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/photos")).StatusCode);
        var row = (await Host.Get<IApiKeyRepository>().FindByKeyIdAsync(ApiKeyToken.Parse(key)!.KeyId))!;

        var revoke = await signedIn.PostFormAsync("/Account/ApiKeys", [], [], handler: null, target: $"/Account/ApiKeys?handler=Revoke&id={row.Id}");

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var problem = await (await api.GetAsync("/api/v1/photos")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await keptApi.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Contains("revoked", await signedIn.GetStringAsync("/Account/ApiKeys"));
    }

    [Fact]
    public async Task Key_Gets401_WhenItsAccountIsDeletedOrItIsForgedOrAnothersRevokes()
    {
        var name = await Host.AddAccountAsync(AccountRole.Operator);
        using var owner = await SignIn.SignedInAsync(Host.CreateClient(), name);
        var key = await owner.CreateApiKeyAsync();
        using var api = Host.CreateApiClient(key);
        var token = ApiKeyToken.Parse(key)!;
        using var forged = Host.CreateApiClient($"{key[..^4]}AAAA");
        using var other = await Host.CreateSignedInClientAsync(AccountRole.Admin);
        var row = (await Host.Get<IApiKeyRepository>().FindByKeyIdAsync(token.KeyId))!;

        // Another account cannot revoke this key through its own page.
        await other.PostFormAsync("/Account/ApiKeys", [], [], target: $"/Account/ApiKeys?handler=Revoke&id={row.Id}");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/alerts")).StatusCode);
        await (await forged.GetAsync("/api/v1/alerts")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Null(await Host.Get<AccountAdministration>().DeleteAsync(row.AccountId));

        await (await api.GetAsync("/api/v1/alerts")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(await Host.Get<IApiKeyRepository>().FindByKeyIdAsync(token.KeyId));
    }

    [Fact]
    public async Task XApiKeyHeader_IsAccepted_AsTheBearerIs()
    {
        using var signedIn = await Host.CreateSignedInClientAsync(AccountRole.Viewer);
        var key = await signedIn.CreateApiKeyAsync();
        using var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task KeysPage_ShowsTheKeyOnce_AndStoresOnlyItsHash()
    {
        using var signedIn = await Host.CreateSignedInClientAsync(AccountRole.Viewer);
        using var created = await signedIn.PostFormAsync("/Account/ApiKeys", [("Name", "ci job")], []);
        var createdPage = await created.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(createdPage, "fj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}").Value;

        var later = await signedIn.GetStringAsync("/Account/ApiKeys");

        Assert.NotEmpty(key);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain(key, later);
        Assert.Contains("ci job", later);
        Assert.Contains(ApiKeyToken.Shown(ApiKeyToken.Parse(key)!.KeyId), WebUtility.HtmlDecode(later));
        var row = (await Host.Get<IApiKeyRepository>().FindByKeyIdAsync(ApiKeyToken.Parse(key)!.KeyId))!;
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), row.SecretHash);
        await using var connection = await Host.Get<IDbConnectionFactory>().OpenAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT key_id || ' ' || name || ' ' || hex(secret_hash) FROM api_keys WHERE id = @Id", new { row.Id });
        Assert.DoesNotContain(key[20..], stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Upload_StoresAndLeadsToThePhoto_AndAgainToTheSamePhoto()
    {
        using var api = await Host.CreateApiClientAsync();
        var photo = ("fresh.jpg", TestImages.DistinctJpeg(TestPaths.Sample(2), Random.Shared.Next()));

        var first = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(photo));
        var again = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(photo));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var stored = (await first.JsonAsync()).GetProperty("accepted")[0];
        var id = stored.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/photos/{id}", first.Headers.Location!.OriginalString);
        Assert.False(stored.GetProperty("alreadyUploaded").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True((await again.JsonAsync()).GetProperty("accepted")[0].GetProperty("alreadyUploaded").GetBoolean());
        var status = await (await api.GetAsync(first.Headers.Location)).JsonAsync();
        Assert.Equal("fresh.jpg", status.GetProperty("fileName").GetString());
        Assert.Equal("Pending", status.GetProperty("stages").GetProperty("detect").GetString());
        Assert.False(status.GetProperty("finished").GetBoolean());
        var list = await (await api.GetAsync("/api/v1/photos?pageSize=100")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetInt64() == id);
    }

    [Theory]
    [InlineData("notes.jpg", "text", "not a readable image")]
    [InlineData("big.jpg", "oversize", "the limit is")]
    [InlineData("moving.webp", "animated", "Animated images are not accepted")]
    public async Task Upload_Answers422WithEachFilesReason_WhenNoFileIsAccepted(string fileName, string kind, string reason)
    {
        using var api = await Host.CreateApiClientAsync();
        var bytes = kind switch
        {
            "text" => "just text pretending to be a photo"u8.ToArray(),
            "oversize" => new byte[1_200_000].Select((_, i) => (byte)i).ToArray(),
            _ => TestImages.AnimatedWebP(),
        };

        var response = await api.PostAsync("/api/v1/photos", ApiClients.Multipart((fileName, bytes)));

        var refused = Assert.Single((await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("refused").EnumerateArray());
        Assert.Equal(fileName, refused.GetProperty("fileName").GetString());
        Assert.Contains(reason, refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Upload_Answers415_WhenNotMultipart_And422_WhenNoFile()
    {
        using var api = await Host.CreateApiClientAsync();

        var json = await api.PostAsJsonAsync("/api/v1/photos", new { file = "photo.jpg" });
        var raw = await api.PostAsync("/api/v1/photos", new ByteArrayContent(File.ReadAllBytes(TestPaths.Sample(1))));
        var empty = await api.PostAsync("/api/v1/photos", new MultipartFormDataContent { { new StringContent("x"), "note" } });

        Assert.Contains("multipart/form-data", (await json.ProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        await raw.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("at least one photo", (await empty.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_Answers413Problem_WhenTheBodyIsOverTheRequestLimit()
    {
        using var api = await Host.CreateApiClientAsync();
        api.DefaultRequestHeaders.ExpectContinue = true; // as in the page's 413 test: the server answers without reading
        var big = new byte[8_000_000];

        // 20 files × 1 MB + 1 MiB is the limit for the whole request; three 8 MB files are over it.
        var response = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(("a.jpg", big), ("b.jpg", big), ("c.jpg", big)));

        Assert.Contains("limit", (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task People_AreAddedListedAndDeleted_WithAnOperatorKey()
    {
        using var api = await Host.CreateApiClientAsync();
        var name = $"Person {Guid.NewGuid():N}";

        var created = await api.PostAsJsonAsync("/api/v1/people", new { name, notes = "seen at the gate" });
        var location = created.Headers.Location!;
        var person = await (await api.GetAsync(location)).JsonAsync();
        var listed = await (await api.GetAsync("/api/v1/people")).JsonAsync();
        var deleted = await api.DeleteAsync(location);
        var gone = await api.GetAsync(location);
        var deletedAgain = await api.DeleteAsync(location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(name, person.GetProperty("name").GetString());
        Assert.Equal("seen at the gate", person.GetProperty("notes").GetString());
        Assert.Contains(listed.EnumerateArray(), item => item.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        await deletedAgain.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadRequests_GetProblemDetails_NamingWhatIsWrong()
    {
        using var api = await Host.CreateApiClientAsync();

        var noName = await api.PostAsJsonAsync("/api/v1/people", new { notes = "no name" });
        var notJson = await api.PostAsync("/api/v1/people", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var brokenJson = await api.PostAsync("/api/v1/people", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));
        var badPage = await api.GetAsync("/api/v1/photos?page=0");
        var badPageSize = await api.GetAsync("/api/v1/alerts?pageSize=1000");
        var unbindable = await api.GetAsync("/api/v1/alerts?page=abc");
        var noPhoto = await api.GetAsync("/api/v1/photos/999999");
        var noRoute = await api.GetAsync("/api/v1/nothing-here");
        var referencesOfNobody = await api.PostAsync("/api/v1/people/999999/references", ApiClients.Multipart(Photos.Strangers()));

        Assert.True((await noName.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("name", out _));
        await notJson.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await brokenJson.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True((await badPage.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("page", out _));
        Assert.True((await badPageSize.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("pageSize", out _));
        await unbindable.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("999999", (await noPhoto.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await noRoute.ProblemAsync(HttpStatusCode.NotFound);
        await referencesOfNobody.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiRoute_ForAKeyOrASession()
    {
        using var api = await Host.CreateApiClientAsync(AccountRole.Viewer);
        using var signedIn = await Host.CreateSignedInClientAsync(AccountRole.Viewer);
        using var anonymous = Host.CreateClient();

        var document = await (await api.GetAsync("/openapi/v1.json")).JsonAsync();
        var forSession = await signedIn.GetAsync("/openapi/v1.json");
        var forAnonymous = await anonymous.GetAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var (method, path) in ApiRoutes())
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the document");
        Assert.DoesNotContain(paths.EnumerateObject(), path => !path.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Equal(HttpStatusCode.OK, forSession.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forAnonymous.StatusCode);
        Assert.Contains("/Account/SignIn?ReturnUrl=", forAnonymous.Headers.Location!.OriginalString);
    }

    /// <summary>Every route the app maps under /api/v1, as (method, route pattern), so a new one cannot escape these tests.</summary>
    private List<(string Method, string Path)> ApiRoutes() => Host.Get<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && !endpoint.RoutePattern.RawText.Contains("{**", StringComparison.Ordinal))
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(method => (method, endpoint.RoutePattern.RawText!.Replace(":long", "", StringComparison.Ordinal).TrimEnd('/'))))
        .ToList();
}

/// <summary>The upload slots hold for the API as for the upload page: a full house answers 503 with a problem, and Retry-After.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiUploadPressureTests
{
    [Fact]
    public async Task Upload_Answers503Problem_WhileTheUploadSlotsAreTaken()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string>
        {
            ["FaceJobs:Role"] = "Web",
            ["Upload:MaxConcurrentRequests"] = "1",
            ["Upload:QueuedRequests"] = "0",
        });
        using var api = await host.CreateApiClientAsync();
        var gate = new TaskCompletionSource();
        using var slowForm = new GatedContent(ApiClients.Multipart(Photos.Strangers()), gate.Task);

        var slow = api.PostAsync("/api/v1/photos", slowForm);
        await Waiting.UntilAsync(() => Task.FromResult(slowForm.Waiting ? "" : null), TimeSpan.FromSeconds(10), "the first upload to be half sent");
        await Task.Delay(200); // let the server take the slot for the half-sent request
        var refused = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(FormClient.FileAt(TestPaths.Sample(5))));
        gate.SetResult();
        var served = await slow;

        await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, served.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("/api/v1/photos", ApiClients.Multipart(FormClient.FileAt(TestPaths.Sample(5))))).StatusCode);
    }
}
