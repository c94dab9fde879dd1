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
    private readonly IReadOnlyDictionary<string, string> _settings;

    private Cluster(PostgreSqlTestDatabase database, SmtpTestServer smtp, IReadOnlyDictionary<string, string>? settings)
    {
        Database = database;
        Smtp = smtp;
        _settings = settings ?? new Dictionary<string, string>();
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

    /// <summary>
    /// Starts <paramref name="webs"/> web and <paramref name="workers"/> worker processes. <paramref name="settings"/> are added to (or replace) every process's settings, for this cluster's whole life.
    /// </summary>
    public static async Task<Cluster> StartAsync(
        PostgreSqlTestDatabase database, int webs, int workers, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new Cluster(database, new SmtpTestServer(), settings);
        try
        {
            await cluster.StartProcessesAsync(webs, workers);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts processes on the same database and SMTP server, all at once: the first to start migrates and prepares
    /// Hangfire's schema under the start-up lock while the others wait for it (README: PostgreSQL).
    /// </summary>
    public async Task StartProcessesAsync(int webs, int workers)
    {
        var starting = Enumerable.Repeat("Web", webs).Concat(Enumerable.Repeat("Worker", workers)).Select(StartProcessAsync).ToArray();
        var started = await Task.WhenAll(starting);
        Webs.AddRange(started.Take(webs));
        Workers.AddRange(started.Skip(webs));
    }

    /// <summary>Stops every web and worker process at once with SIGTERM, as a service manager would, and waits until they exited.</summary>
    public async Task StopAllAsync()
    {
        await Task.WhenAll(Webs.Concat(Workers).Select(process => process.StopAsync(TimeSpan.FromSeconds(60))));
        Webs.Clear();
        Workers.Clear();
    }

    /// <summary>Kills one worker (SIGKILL) and forgets it; its jobs are left fetched and its locks held, as a crash leaves them.</summary>
    public void Kill(AppProcess worker)
    {
        worker.Kill();
        Workers.Remove(worker);
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

    /// <summary>
    /// Adds the watched person through the first web process (with a re-check of earlier photos if asked) and waits
    /// until a worker enrolled them.
    /// </summary>
    public async Task<long> EnrollWatchedPersonAsync(bool recheckEarlierPhotos = false)
    {
        using var client = await CreateSignedInClientAsync(Webs[0]);
        var personId = Pipeline.IdFromRedirect(await client.PostFormAsync(
            "/People",
            [("Name", Fixtures.Photos.WatchedName), ("RecheckEarlierPhotos", recheckEarlierPhotos ? "true" : "false")],
            [Fixtures.Photos.WatchedReference()]));
        var reference = await Waiting.UntilAsync(
            async () => (await People.ListReferencesAsync(personId)).FirstOrDefault(r => r.Status is StageStatus.Succeeded or StageStatus.Failed),
            TimeSpan.FromSeconds(120), "a worker to enroll the watched person");
        Assert.Equal(StageStatus.Succeeded, reference.Status);
        return personId;
    }

    /// <summary>
    /// Uploads the files through the web processes in turn, <paramref name="parallel"/> at a time, and returns the
    /// photo ids in the files' order; each must be a new photo.
    /// </summary>
    public async Task<IReadOnlyList<long>> UploadAsync(IReadOnlyList<(string FileName, byte[] Content)> files, int parallel = 4)
    {
        var ids = new long[files.Count];
        using var gate = new SemaphoreSlim(parallel);
        // One signed-in client per web process, shared by the uploads (sign-ins are rate-limited per address).
        var clients = await Task.WhenAll(Webs.Select(CreateSignedInClientAsync));
        try
        {
            await Task.WhenAll(files.Select(async (file, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    ids[i] = Pipeline.IdFromRedirect(await clients[i % clients.Length].UploadAsync(file));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }

        Assert.Equal(files.Count, ids.Distinct().Count());
        return ids;
    }

    /// <summary>
    /// Every photo succeeded with one set of <paramref name="facesPerPhoto"/> faces, one match and one delivery row,
    /// and the SMTP server received exactly one email per (photo, face, person) (the alert's Message-Id names the three).
    /// </summary>
    public async Task AssertEachPhotoMailedOnceAsync(IReadOnlyList<Photo> photos, int facesPerPhoto)
    {
        var expected = await AssertEachPhotoMatchedOnceAsync(photos, facesPerPhoto);
        await Smtp.WaitForMessagesAsync(expected.Count, TimeSpan.FromSeconds(30));
        await Task.Delay(1000); // a stray second mail would have arrived by now
        Assert.Equal(expected.Order(), Smtp.Messages.Select(mail => mail.MessageId).Order());
    }

    /// <summary>As above for the database; returns the alert Message-Id each match should have been mailed under.</summary>
    public async Task<IReadOnlyList<string>> AssertEachPhotoMatchedOnceAsync(IReadOnlyList<Photo> photos, int facesPerPhoto)
    {
        Assert.All(photos, photo => Assert.Equal(
            (StageStatus.Succeeded, StageStatus.Succeeded, StageStatus.Succeeded, facesPerPhoto),
            (photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus, photo.FaceCount ?? -1)));
        var expected = new List<string>();
        foreach (var photo in photos)
        {
            Assert.Equal(facesPerPhoto, (await Faces.ListByPhotoAsync(photo.Id)).Count);
            var match = Assert.Single(await Matches.ListByPhotoAsync(photo.Id));
            Assert.Equal(AlertStatus.Sent, Assert.Single(await Alerts.ListByPhotoAsync(photo.Id)).Status);
            expected.Add($"facejobs-alert-{match.PhotoId}-{match.FaceIndex}-{match.PersonId}@facejobs.local");
        }

        return expected;
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
                    $"Hangfire queue and locks:\n{await QueueAndLocksAsync()}\n" +
                    string.Join("\n", _processes.Select(process => $"process {process.Id} (exited: {process.HasExited}):\n{process.LastOutput(40)}")));
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Hangfire.PostgreSql's queue rows, locks and servers as they are now, for a failure message.</summary>
    private async Task<string> QueueAndLocksAsync()
    {
        await using var connection = await Database.Connections.OpenAsync();
        var queue = await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT concat(jobid, ' ', queue, ' fetched ', fetchedat) FROM hangfire.jobqueue ORDER BY id;");
        var locks = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT concat(resource, ' acquired ', acquired) FROM hangfire.lock;");
        var servers = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT concat(id, ' heartbeat ', lastheartbeat) FROM hangfire.server;");
        return $"now {DateTime.UtcNow:O}\nqueue: {string.Join("; ", queue)}\nlocks: {string.Join("; ", locks)}\nservers: {string.Join("; ", servers)}";
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

    /// <summary>How many times each of these jobs entered <paramref name="state"/> (its history, oldest to newest).</summary>
    public IReadOnlyDictionary<string, int> StateCounts(IEnumerable<string> jobIds, string state)
    {
        var monitoring = Jobs.GetMonitoringApi();
        return jobIds.Distinct().ToDictionary(id => id, id => monitoring.JobDetails(id)?.History.Count(s => s.StateName == state) ?? 0);
    }

    /// <summary>The jobs Hangfire shows as Processing now, with the process id of the server that took each.</summary>
    public IReadOnlyList<RunningJob> ProcessingJobs() =>
        Jobs.GetMonitoringApi().ProcessingJobs(0, 1000)
            .Where(job => job.Value?.ServerId is not null)
            .Select(job => new RunningJob(job.Key, job.Value.Job?.Type, ProcessIdOf(job.Value.ServerId)))
            .ToList();

    /// <summary>The process ids that started this job, oldest first (its Processing states).</summary>
    public IReadOnlyList<int> ProcessesThatStarted(string jobId) =>
        (Jobs.GetMonitoringApi().JobDetails(jobId)?.History ?? [])
            .Where(state => state.StateName == "Processing" && state.Data.ContainsKey("ServerId"))
            .Select(state => ProcessIdOf(state.Data["ServerId"]))
            .Reverse()
            .ToList();

    /// <summary>
    /// Every Hangfire job of <typeparamref name="TJob"/> ever given a state, with its first argument (a photo or person id):
    /// read from Hangfire.PostgreSql's job table, so a second pipeline for one photo cannot hide behind the photo's job ids.
    /// </summary>
    /// <remarks>
    /// Hangfire creates a job in two commits on this storage, the job row and then its first state; a database lost
    /// between the two leaves a row without a state that never runs and expires, and the starter, seeing the enqueue fail,
    /// creates the job again. Such a row is not a second pipeline, so it is not counted.
    /// </remarks>
    public async Task<IReadOnlyList<(long JobId, long Argument)>> JobsOfTypeAsync<TJob>()
    {
        await using var connection = await Database.Connections.OpenAsync();
        var rows = await Dapper.SqlMapper.QueryAsync<(long Id, string Arguments)>(connection, """
            SELECT id, arguments::text FROM hangfire.job
            WHERE invocationdata ->> 'Type' LIKE @Type AND statename IS NOT NULL
            ORDER BY id;
            """, new { Type = $"{typeof(TJob).FullName},%" });
        return rows.Select(row => (row.Id, FirstArgument(row.Arguments))).ToList();
    }

    // Hangfire keeps the arguments as a JSON array of JSON texts (["5",null]); the column may hold it as a JSON string.
    private static long FirstArgument(string arguments)
    {
        using var document = System.Text.Json.JsonDocument.Parse(arguments);
        var array = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.String
            ? System.Text.Json.JsonDocument.Parse(document.RootElement.GetString()!).RootElement
            : document.RootElement;
        var first = array[0];
        return first.ValueKind == System.Text.Json.JsonValueKind.Number
            ? first.GetInt64()
            : long.Parse(first.GetString()!.Trim('"'), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until no job is enqueued, processing or scheduled for a retry (continuations still awaiting are not counted).</summary>
    public Task WaitForNoJobsAsync(TimeSpan timeout) =>
        Waiting.UntilAsync(() =>
        {
            var statistics = Jobs.GetMonitoringApi().GetStatistics();
            return Task.FromResult(statistics.Enqueued + statistics.Processing + statistics.Scheduled == 0 ? statistics : null);
        }, timeout, "Hangfire to have no enqueued, processing or scheduled jobs");

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
        foreach (var (key, value) in _settings)
            settings[key] = value;
        var process = await AppProcess.StartAsync(folder, settings, new Dictionary<string, string> { ["ConnectionStrings:FaceJobs"] = Database.ConnectionString });
        lock (_processes)
            _processes.Add(process);
        return process;
    }

    [GeneratedRegex(@":(\d+):[a-z]+:", RegexOptions.IgnoreCase)]
    private static partial Regex ServerIdPattern();
}

/// <summary>A job Hangfire shows as Processing, and the process whose server took it.</summary>
public sealed record RunningJob(string JobId, Type? JobType, int ProcessId);
