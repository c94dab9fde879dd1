using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Jobs;
using FaceJobs.Tests.Fixtures;
using Hangfire;
using Hangfire.States;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>
/// The audit log on the real app, driven over HTTP as people use it: each action leaves a row naming who did it,
/// passwords never appear, the dashboard's job commands are recorded (and refused or polling requests are not), and
/// only Admins read /Admin/Audit, with every text HTML-encoded.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AuditTests : IAsyncLifetime
{
    private const string WrongPassword = "not the password at all";
    private const string NewPassword = "another long enough password";

    private AppHost _host = null!;

    public async Task InitializeAsync() => _host = await AppHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Actions_AreRecordedWithWhoDidThem_WhenDoneOnThePagesAndTheDashboard()
    {
        using var anonymous = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SignInAsync("nobody-here", WrongPassword)).StatusCode);
        var operatorName = await _host.AddAccountAsync(AccountRole.Operator);
        using var operatorClient = await SignIn.SignedInAsync(_host.CreateClient(), operatorName);
        var adminName = await _host.AddAccountAsync(AccountRole.Admin);
        using var admin = await SignIn.SignedInAsync(_host.CreateClient(), adminName);
        using var viewer = await _host.CreateSignedInClientAsync(AccountRole.Viewer);

        var personId = Pipeline.IdFromRedirect(await operatorClient.PostFormAsync(
            "/People", [("Name", "Ada <b>Lovelace</b>"), ("RecheckEarlierPhotos", "false")], [Photos.WatchedReference()]));
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync($"/People/{personId}", [], [Photos.Strangers()])).StatusCode);
        var photoId = Pipeline.IdFromRedirect(await operatorClient.UploadAsync(Photos.WithWatchedPerson()));
        await _host.WaitForAllStagesAsync(photoId);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync($"/Photos/{photoId}", [], [], handler: "Reprocess")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync($"/Photos/{photoId}", [], [], handler: "Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync("/People", [], [], target: $"/People?handler=Delete&id={personId}")).StatusCode);

        const string accountName = "audited-account";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Accounts", [("Name", accountName), ("Role", "Viewer"), ("Password", SignIn.Password)], [])).StatusCode);
        var accountId = (await _host.Get<IAccountRepository>().FindByNameAsync(accountName))!.Id;
        foreach (var (handler, fields) in new (string, (string, string)[])[]
        {
            ("Role", [("role", "Operator")]),
            ("Password", [("password", NewPassword)]),
            ("Unlock", []),
            ("Delete", []),
        })
        {
            var response = await admin.PostFormAsync("/Admin/Accounts", fields, [], target: $"/Admin/Accounts?handler={handler}&id={accountId}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync("/Queues", [("queue", JobQueues.Alerts)], [], handler: "Pause")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync("/Queues", [("queue", JobQueues.Alerts)], [], handler: "Resume")).StatusCode);

        // Through the API, with a key made on the page: the same actions leave the same rows.
        using var api = _host.CreateApiClient(await operatorClient.CreateApiKeyAsync("audited program"));
        using var apiPerson = await api.PostAsJsonAsync("/api/v1/people", new { name = "Api Person" });
        Assert.Equal(HttpStatusCode.Created, apiPerson.StatusCode);
        var apiPersonId = (await apiPerson.JsonAsync()).GetProperty("id").GetInt64();
        using var apiUpload = await api.PostAsync("/api/v1/photos", ApiClients.Multipart(Photos.Strangers()));
        Assert.Equal(HttpStatusCode.Accepted, apiUpload.StatusCode);
        var apiPhotoId = (await apiUpload.JsonAsync()).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/people/{apiPersonId}")).StatusCode);

        var jobs = _host.Get<IBackgroundJobClient>();
        var runNow = jobs.Schedule(() => Console.WriteLine("audited"), TimeSpan.FromHours(1));
        var deleted = jobs.Schedule(() => Console.WriteLine("audited"), TimeSpan.FromHours(1));
        var kept = jobs.Schedule(() => Console.WriteLine("audited"), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NoContent, (await DashboardPostAsync(operatorClient, "/hangfire/jobs/scheduled/enqueue", runNow)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DashboardPostAsync(operatorClient, "/hangfire/jobs/scheduled/delete", deleted)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DashboardPostAsync(operatorClient, $"/hangfire/jobs/actions/requeue/{deleted}")).StatusCode);
        Assert.False((await DashboardPostAsync(viewer, "/hangfire/jobs/scheduled/delete", kept)).IsSuccessStatusCode);
        Assert.Equal(ScheduledState.StateName, _host.Get<JobStorage>().GetConnection().GetStateData(kept).Name);
        Assert.True((await DashboardPostAsync(operatorClient, "/hangfire/stats", [], "metrics[]")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.PostFormAsync("/Photos", [], [], target: "/Account/SignOut")).StatusCode);

        var entries = await _host.Get<IAuditLogRepository>().ListAsync(0, 200);
        var recorded = entries.Select(entry => (entry.Actor, entry.Action, entry.Subject)).ToList();
        (string, string, string?)[] expected =
        [
            (AuditSubjects.Anonymous, AuditActions.SignInFailed, AuditSubjects.Account("nobody-here")),
            (operatorName, AuditActions.SignIn, AuditSubjects.Account(operatorName)),
            (adminName, AuditActions.SignIn, AuditSubjects.Account(adminName)),
            (operatorName, AuditActions.PersonAdd, AuditSubjects.Person(personId)),
            (operatorName, AuditActions.ReferenceAdd, AuditSubjects.Person(personId)),
            (operatorName, AuditActions.PhotoUpload, AuditSubjects.Photo(photoId)),
            (operatorName, AuditActions.PhotoProcessAgain, AuditSubjects.Photo(photoId)),
            (operatorName, AuditActions.PhotoDelete, AuditSubjects.Photo(photoId)),
            (operatorName, AuditActions.PersonRemove, AuditSubjects.Person(personId)),
            (adminName, AuditActions.AccountAdd, AuditSubjects.Account(accountName)),
            (adminName, AuditActions.AccountRole, AuditSubjects.Account(accountName)),
            (adminName, AuditActions.AccountPassword, AuditSubjects.Account(accountName)),
            (adminName, AuditActions.AccountUnlock, AuditSubjects.Account(accountName)),
            (adminName, AuditActions.AccountDelete, AuditSubjects.Account(accountName)),
            (operatorName, AuditActions.QueuePause, $"queue {JobQueues.Alerts}"),
            (operatorName, AuditActions.QueueResume, $"queue {JobQueues.Alerts}"),
            (operatorName, AuditActions.ApiKeyCreate, AuditSubjects.Account(operatorName)),
            (operatorName, AuditActions.PersonAdd, AuditSubjects.Person(apiPersonId)),
            (operatorName, AuditActions.PhotoUpload, AuditSubjects.Photo(apiPhotoId)),
            (operatorName, AuditActions.PersonRemove, AuditSubjects.Person(apiPersonId)),
            (operatorName, AuditActions.JobRequeue, AuditSubjects.Job(runNow)),
            (operatorName, AuditActions.JobDelete, AuditSubjects.Job(deleted)),
            (operatorName, AuditActions.JobRequeue, AuditSubjects.Job(deleted)),
            (operatorName, AuditActions.SignOut, AuditSubjects.Account(operatorName)),
        ];
        Assert.All(expected, row => Assert.Contains(row, recorded));
        Assert.Equal(2, recorded.Count(row => row == (operatorName, AuditActions.ReferenceAdd, AuditSubjects.Person(personId))));
        Assert.DoesNotContain(entries, entry => entry.Subject == AuditSubjects.Job(kept) || entry.Action == AuditActions.DashboardCommand);
        Assert.All(entries, entry => Assert.Equal("127.0.0.1", entry.RemoteAddress));
        Assert.All(entries, entry => Assert.DoesNotContain(SignIn.Password, $"{entry.Actor} {entry.Subject} {entry.Detail}"));
        Assert.All(entries, entry => Assert.DoesNotContain(NewPassword, $"{entry.Subject} {entry.Detail}"));
        Assert.All(entries, entry => Assert.DoesNotContain(WrongPassword, $"{entry.Subject} {entry.Detail}"));

        var page = await admin.GetStringAsync("/Admin/Audit");
        Assert.Contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;", page);
        Assert.DoesNotContain("<b>Lovelace</b>", page);
        Assert.Contains($"<td class=\"subject\">{AuditSubjects.Job(deleted)}</td>", page);
    }

    [Fact]
    public async Task AuditPage_ShowsAdminsNewestFirstInPages_AndRefusesEveryoneElse()
    {
        var log = _host.Get<IAuditLogRepository>();
        for (var i = 1; i <= 60; i++)
            await log.AddAsync(new NewAuditEntry("seeded", AuditActions.PhotoUpload, AuditSubjects.Photo(i)));
        using var anonymous = _host.CreateClient();
        using var viewer = await _host.CreateSignedInClientAsync(AccountRole.Viewer);
        using var operatorClient = await _host.CreateSignedInClientAsync(AccountRole.Operator);
        using var admin = await _host.CreateSignedInClientAsync(AccountRole.Admin);

        Assert.StartsWith("/Account/SignIn", (await anonymous.GetAsync("/Admin/Audit")).Headers.Location!.PathAndQuery);
        foreach (var refused in new[] { viewer, operatorClient })
        {
            var response = await refused.GetAsync("/Admin/Audit");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
            Assert.DoesNotContain("/Admin/Audit", await refused.GetStringAsync("/"));
        }

        var first = await admin.GetStringAsync("/Admin/Audit");
        var second = await admin.GetStringAsync("/Admin/Audit?p=2");
        Assert.Contains("href=\"/Admin/Audit\"", first);
        // Newest first: the sign-ins made above, then the seeded rows from photo 60 down.
        var firstSubjects = Subjects(first);
        Assert.Equal(50, firstSubjects.Count);
        Assert.Equal(Enumerable.Range(1, 60).Reverse().Take(firstSubjects.Count(s => s.StartsWith("photo ", StringComparison.Ordinal))).Select(i => AuditSubjects.Photo(i)),
            firstSubjects.Where(s => s.StartsWith("photo ", StringComparison.Ordinal)));
        Assert.Equal(AuditSubjects.Photo(1), Subjects(second)[^1]);
    }

    private static List<string> Subjects(string page) => SubjectCell().Matches(page).Select(match => match.Groups[1].Value).ToList();

    // As the dashboard's own scripts do: the antiforgery token in the header its page names (meta csrf-header, csrf-token).
    private static async Task<HttpResponseMessage> DashboardPostAsync(HttpClient client, string path, params string[] jobIds) =>
        await DashboardPostAsync(client, path, jobIds, "jobs[]");

    private static async Task<HttpResponseMessage> DashboardPostAsync(HttpClient client, string path, string[] values, string field)
    {
        var page = await client.GetStringAsync("/hangfire/jobs/scheduled");
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(values.Select(value => KeyValuePair.Create(field, value))),
        };
        if (AntiforgeryHeader().Match(page) is { Success: true } header && AntiforgeryToken().Match(page) is { Success: true } token)
            request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<td class=\"subject\">([^<]*)</td>")]
    private static partial Regex SubjectCell();

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
