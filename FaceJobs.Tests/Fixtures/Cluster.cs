using System.Globalization;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Web.Accounts;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// FaceJobs as separate operating-system processes on one PostgreSQL database: web fronts (FaceJobs:Role=Web, run no
/// jobs) and workers (Role=Worker), a real SMTP server for the alerts, and read access to the app's tables and
/// Hangfire's job history to see who ran what.
/// </summary>
public sealed partial class Cluster : IAsyncDisposable
{
    public const string Recipient = "watch-desk@test.local";

    private readonly string _folder = Directory.CreateTempSubdirectory("facejobs-cluster-").FullName;
    private readonly List<AppProcess> _processes = [];

    private Cluster(PostgreSqlTestDatabase database, SmtpTestServer smtp)
    {
        Database = database;
        Smtp = smtp;
        Photos = new DapperPhotoRepository(database.Connections);
        People = new DapperPersonRepository(database.Connections);
        Faces = new DapperFaceRepository(database.Connections);
        Matches = new DapperMatchRepository(database.Connections);
        Alerts = new DapperAlertRepository(database.Connections);
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        Jobs = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    public PostgreSqlTestDatabase Database { get; }

    public SmtpTestServer Smtp { get; }

    public List<AppProcess> Webs { get; } = [];

    public List<AppProcess> Workers { get; } = [];

    public IPhotoRepository Photos { get; }

    public IPersonRepository People { get; }

    public IFaceRepository Faces { get; }

    public IMatchRepository Matches { get; }

    public IAlertRepository Alerts { get; }

    public JobStorage Jobs { get; }

    /// <summary>Starts one web process first (it migrates and prepares Hangfire's schema), then the rest at once.</summary>
    public static async Task<Cluster> StartAsync(PostgreSqlTestDatabase database, int webs, int workers)
    {
        var cluster = new Cluster(database, new SmtpTestServer());
        try
        {
            cluster.Webs.Add(await cluster.StartProcessAsync("Web"));
            var rest = Enumerable.Range(1, webs - 1).Select(_ => cluster.StartProcessAsync("Web"))
                .Concat(Enumerable.Range(0, workers).Select(_ => cluster.StartProcessAsync("Worker")))
                .ToArray();
            var started = await Task.WhenAll(rest);
            cluster.Webs.AddRange(started.Take(webs - 1));
            cluster.Workers.AddRange(started.Skip(webs - 1));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(AppProcess web) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A client of <paramref name="web"/> signed in through its sign-in form as a new Operator, whose account is made
    /// by the app's own account administration on the shared database (the connection string stays out of argv).
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(AppProcess web)
    {
        var accounts = new AccountAdministration(
            new DapperAccountRepository(Database.Connections), new PasswordHasher<Account>(), Options.Create(new AccountOptions()));
        var name = SignIn.NewName(AccountRole.Operator);
        var (_, error) = await accounts.AddAsync(name, AccountRole.Operator, SignIn.Password);
        Assert.True(error is null, error);
        return await SignIn.SignedInAsync(CreateClient(web), name);
    }

    /// <summary>Adds the watched person through the first web process and waits until a worker enrolled them.</summary>
    public async Task<long> EnrollWatchedPersonAsync()
    {
        using var client = await CreateSignedInClientAsync(Webs[0]);
        var personId = Pipeline.IdFromRedirect(await client.PostFormAsync(
            "/People", [("Name", Fixtures.Photos.WatchedName), ("RecheckEarlierPhotos", "false")], [Fixtures.Photos.WatchedReference()]));
        var reference = await Waiting.UntilAsync(
            async () => (await People.ListReferencesAsync(personId)).FirstOrDefault(r => r.Status is StageStatus.Succeeded or StageStatus.Failed),
            TimeSpan.FromSeconds(120), "a worker to enroll the watched person");
        Assert.Equal(StageStatus.Succeeded, reference.Status);
        return personId;
    }

    /// <summary>Waits until every photo finished all stages; on timeout names each unfinished photo's stages and jobs.</summary>
    public async Task<IReadOnlyList<Photo>> WaitForAllFinishedAsync(IReadOnlyList<long> photoIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var photos = new List<Photo>();
            try
            {
                foreach (var id in photoIds)
                    photos.Add((await Photos.GetAsync(id))!);
            }
            catch (Npgsql.NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // The database restarted under this test's own pooled connections: drop them and look again.
                Npgsql.NpgsqlConnection.ClearAllPools();
                await Task.Delay(500);
                continue;
            }

            var unfinished = photos.Where(p => !(Pipeline.IsDone(p.DetectStatus) && Pipeline.IsDone(p.RecognizeStatus) && Pipeline.IsDone(p.AlertStatus))).ToArray();
            if (unfinished.Length == 0)
                return photos;
            if (DateTime.UtcNow > deadline)
            {
                var states = unfinished.Take(10).Select(p =>
                    $"photo {p.Id}: detect {p.DetectStatus} ({JobState(p.DetectJobId)}), recognize {p.RecognizeStatus} ({JobState(p.RecognizeJobId)}), " +
                    $"alert {p.AlertStatus} ({JobState(p.AlertJobId)}), last error {p.LastError}");
                throw new TimeoutException(
                    $"{unfinished.Length} of {photoIds.Count} photos unfinished after {timeout.TotalSeconds:0} s:\n{string.Join("\n", states)}\n" +
                    string.Join("\n", _processes.Select(process => $"process {process.Id} (exited: {process.HasExited}):\n{process.LastOutput(8)}")));
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Waits until one photo's detection succeeded (it may still be in its later stages).</summary>
    public Task<Photo> WaitForPhotoStageAsync(long photoId, TimeSpan timeout) =>
        Waiting.UntilAsync(async () => await Photos.GetAsync(photoId) is { DetectStatus: StageStatus.Succeeded } photo ? photo : null, timeout,
            $"photo {photoId}'s detection to succeed on another worker");

    /// <summary>How many times each process id started one of these jobs (Hangfire's Processing states, by server).</summary>
    public IReadOnlyDictionary<int, int> ProcessingCountsByProcess(IEnumerable<string> jobIds)
    {
        var monitoring = Jobs.GetMonitoringApi();
        return jobIds
            .SelectMany(id => monitoring.JobDetails(id)?.History ?? [])
            .Where(state => state.StateName == "Processing" && state.Data.ContainsKey("ServerId"))
            .Select(state => ProcessIdOf(state.Data["ServerId"]))
            .GroupBy(pid => pid)
            .ToDictionary(group => group.Key, group => group.Count());
    }

    /// <summary>The process id in a server id: the servers are named machine:pid:queue (HangfireSetup).</summary>
    public static int ProcessIdOf(string serverId) =>
        int.Parse(ServerIdPattern().Match(serverId).Groups[1].Value, CultureInfo.InvariantCulture);

    public string JobState(string? jobId) => jobId is null ? "no job" : Jobs.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.StateName ?? "unknown";

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            process.Dispose();
        await Smtp.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<AppProcess> StartProcessAsync(string role)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}")).FullName;
        var settings = new Dictionary<string, string>
        {
            ["FaceJobs:Role"] = role,
            ["Storage:Provider"] = "PostgreSql",
            ["Hangfire:PostgreSqlPollIntervalMilliseconds"] = "200",
            // Short, so a killed worker's job is taken over quickly (README: PostgreSQL).
            ["Hangfire:PostgreSqlInvisibilityTimeoutSeconds"] = "15",
            // Likewise a lock a killed worker held (an alert job's photo lock); the tests' alert jobs hold it under a second.
            ["Hangfire:PostgreSqlDistributedLockTimeoutSeconds"] = "30",
            ["Hangfire:Workers:detect"] = "1",
            ["Hangfire:Workers:recognize"] = "1",
            ["Hangfire:Workers:alerts"] = "1",
            ["Hangfire:Workers:default"] = "1",
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:SmtpSecurity"] = "None",
            ["Alerts:Recipients:0"] = Recipient,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var process = await AppProcess.StartAsync(folder, settings, new Dictionary<string, string> { ["ConnectionStrings:FaceJobs"] = Database.ConnectionString });
        lock (_processes)
            _processes.Add(process);
        return process;
    }

    [GeneratedRegex(@":(\d+):[a-z]+:", RegexOptions.IgnoreCase)]
    private static partial Regex ServerIdPattern();
}
