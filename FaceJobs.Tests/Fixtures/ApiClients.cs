using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Programs' side of the API as a person sets it up: a key created on the API keys page, then sent as a bearer token.</summary>
public static partial class ApiClients
{
    /// <summary>Creates a key through the API keys page of a signed-in client; returns the key as the page showed it once.</summary>
    public static async Task<string> CreateApiKeyAsync(this HttpClient signedIn, string name = "test program")
    {
        using var response = await signedIn.PostFormAsync("/Account/ApiKeys", [("Name", name)], []);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Creating a key answered {(int)response.StatusCode}.");
        var key = ShownKey().Match(page);
        Assert.True(key.Success, "The page did not show the new key.");
        return key.Groups[1].Value;
    }

    public static HttpClient CreateApiClient(this AppHost host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>An API client with the key of a new account of <paramref name="role"/>, made as a person would.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this AppHost host, AccountRole role = AccountRole.Operator)
    {
        using var signedIn = await host.CreateSignedInClientAsync(role);
        return host.CreateApiClient(await signedIn.CreateApiKeyAsync());
    }

    /// <summary>Files as curl's <c>-F file=@…</c> sends them.</summary>
    public static MultipartFormDataContent Multipart(params (string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", fileName);
        }

        return form;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 7807 problem of <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [GeneratedRegex("id=\"new-api-key\">(fj_[^<]+)</code>")]
    private static partial Regex ShownKey();
}
