using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FaceJobs.Core.Data;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>
/// A program's whole use of the API, with a key made on the page: the watchlist person and their reference added,
/// a photo uploaded, its status polled until its pipeline (real Hangfire, real models) has matched the person,
/// and the alert listed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiPipelineTests
{
    [Fact]
    public async Task Upload_MatchesEnrolledPersonAndListsTheAlert_WithAnOperatorKey()
    {
        await using var host = await AppHost.StartAsync();
        using var api = await host.CreateApiClientAsync(AccountRole.Operator);

        var person = await api.PostAsJsonAsync("/api/v1/people", new { name = Photos.WatchedName });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var personLocation = person.Headers.Location!;
        var personId = (await person.JsonAsync()).GetProperty("id").GetInt64();
        using var referenceForm = ApiClients.Multipart(Photos.WatchedReference());
        referenceForm.Add(new StringContent("false"), "recheckEarlierPhotos");
        var reference = await api.PostAsync($"/api/v1/people/{personId}/references", referenceForm);
        Assert.Equal(HttpStatusCode.Accepted, reference.StatusCode);
        var enrolled = await PollAsync(api, personLocation, json => json.GetProperty("references")[0].GetProperty("status").GetString() is "Succeeded" or "Failed");
        Assert.Equal("Succeeded", enrolled.GetProperty("references")[0].GetProperty("status").GetString());
        Assert.Equal(1, enrolled.GetProperty("readyReferenceCount").GetInt32());

        var upload = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(Photos.WithWatchedPerson()));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var photo = await PollAsync(api, upload.Headers.Location!, json => json.GetProperty("finished").GetBoolean());

        var photoId = photo.GetProperty("id").GetInt64();
        Assert.Equal("Succeeded", photo.GetProperty("stages").GetProperty("detect").GetString());
        Assert.Equal(Photos.FacesFoundWithWatchedPerson, photo.GetProperty("faceCount").GetInt32());
        var faces = photo.GetProperty("faces").EnumerateArray().ToArray();
        Assert.Equal(Photos.FacesFoundWithWatchedPerson, faces.Length);
        var match = Assert.Single(photo.GetProperty("matches").EnumerateArray());
        Assert.Equal(personId, match.GetProperty("personId").GetInt64());
        Assert.Equal(Photos.WatchedName, match.GetProperty("personName").GetString());
        Assert.InRange(match.GetProperty("distance").GetSingle(), 0f, 0.6f);
        var box = faces.Single(face => face.GetProperty("id").GetInt64() == match.GetProperty("faceId").GetInt64()).GetProperty("box");
        Assert.True(box.GetProperty("x").GetSingle() + box.GetProperty("width").GetSingle() / 2 < photo.GetProperty("width").GetInt32() * 0.25f,
            "Sheldon is the leftmost person in bbt3.jpg");

        var alerts = await PollAsync(api, new Uri("/api/v1/alerts", UriKind.Relative), json => json.GetProperty("items").GetArrayLength() > 0);
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray());
        Assert.Equal(photoId, alert.GetProperty("photoId").GetInt64());
        Assert.Equal(personId, alert.GetProperty("personId").GetInt64());
        Assert.Equal("Sent", alert.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, alerts.GetProperty("nextPage").ValueKind);
    }

    private static async Task<JsonElement> PollAsync(HttpClient api, Uri location, Func<JsonElement, bool> done)
    {
        var found = await Waiting.UntilAsync(async () =>
        {
            var response = await api.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.JsonAsync();
            return done(json) ? new Box(json) : null;
        }, Pipeline.Timeout, $"{location} to be done");
        return found.Value;
    }

    // Waiting.UntilAsync waits for a reference type.
    private sealed record Box(JsonElement Value);
}
