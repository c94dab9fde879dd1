using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Testing;
using FaceJobs.Web.Accounts;
using FaceJobs.Web.Pages;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceJobs.LoadBenchmark;

/// <summary>One storage setup as separate app processes: SQLite in one process, or PostgreSQL with a web and N workers.</summary>
internal sealed record StorageSetup(string Name, bool PostgreSql, int Workers);

internal sealed record StorageResult(StorageSetup Setup, int Photos, Latencies Upload, double PhotosPerSecond, HandOffs HandOffs, int Failed);

/// <summary>
/// The same distinct photos through each setup, all in one run: the app is started as operating-system processes
/// (as deployed: <c>FaceJobs:Role</c> All on SQLite; Web plus Worker processes on PostgreSQL), a watchlist person is
/// enrolled through the form, then <c>uploaders</c> clients post the photos through the upload form. Measured: each
/// upload POST until its redirect, photos/s from the first upload to the last photo finished, and the stage hand-offs
/// from Hangfire's state history. Settings are appsettings.json's (polling intervals as shipped).
/// </summary>
internal static partial class StorageRun
{
    public static async Task<StorageResult> RunAsync(StorageSetup setup, PhotoVariants photos, int count, int uploaders)
    {
        var folder = Directory.CreateTempSubdirectory("facejobs-storage-bench-").FullName;
        await using var smtp = new SmtpTestServer();
        PostgreSqlTestDatabase? database = setup.PostgreSql ? await PostgreSqlTestDatabase.CreateAsync() : null;
        var processes = new List<AppProcess>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Alerts:SmtpHost"] = "127.0.0.1",
                ["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Alerts:SmtpSecurity"] = "None",
                ["Alerts:Recipients:0"] = "watch-desk@bench.local",
                ["Logging:LogLevel:Default"] = "Warning",
                ["ConnectionStrings:FaceJobs"] = $"Data Source={Path.Combine(folder, "facejobs.db")}",
            };
            var secrets = new Dictionary<string, string>();
            if (database is not null)
            {
                settings["Storage:Provider"] = "PostgreSql";
                secrets["ConnectionStrings:FaceJobs"] = database.ConnectionString;
            }

            await using var data = DataServices(settings, secrets);
            await data.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var account = $"bench-{Guid.NewGuid():N}"[..16];
            var administration = new AccountAdministration(
                data.GetRequiredService<IAccountRepository>(), new PasswordHasher<Account>(), Options.Create(new AccountOptions()));
            var (_, problem) = await administration.AddAsync(account, AccountRole.Operator, SignIn.Password);
            if (problem is not null)
                throw new InvalidOperationException(problem);

            var roles = setup.PostgreSql ? ["Web", .. Enumerable.Repeat("Worker", setup.Workers)] : new[] { "All" };
            processes.AddRange(await Task.WhenAll(roles.Select(role =>
                AppProcess.StartAsync(folder, new Dictionary<string, string>(settings) { ["FaceJobs:Role"] = role }, secrets))));
            var web = processes[0];

            var clients = new List<HttpClient>();
            for (var i = 0; i < uploaders; i++)
                clients.Add(await SignIn.SignedInAsync(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = web.BaseAddress }, account));

            var repository = data.GetRequiredService<IPhotoRepository>();
            await EnrollAsync(clients[0], data.GetRequiredService<IPersonRepository>());

            var upload = new Latencies();
            var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(client => Task.Run(async () =>
            {
                while (photos.Take() is { } photo)
                {
                    if (ids.Count >= count)
                        return;
                    ids.Add(await UploadAsync(client, photo, upload));
                }
            })));
            await ModeRun.Until(async () =>
            {
                foreach (var id in ids)
                {
                    if (await repository.GetAsync(id) is not { } p || !p.AlertStatus.IsFinished() || !p.RecognizeStatus.IsFinished())
                        return false;
                }

                return true;
            }, TimeSpan.FromMinutes(15), $"{ids.Count} photos on {setup.Name}");
            var seconds = clock.Elapsed.TotalSeconds;
            clients.ForEach(c => c.Dispose());

            var failed = 0;
            foreach (var id in ids)
                failed += (await repository.GetAsync(id))!.LastError is null ? 0 : 1;

            // SQLite's job file belongs to the app process while it runs; read its history after it stopped.
            if (!setup.PostgreSql)
                await Task.WhenAll(processes.Select(p => p.StopAsync(TimeSpan.FromSeconds(60))));
            var handOffs = await HandOffs.ReadAsync(JobStorageOf(setup, folder, database), repository, ids);
            return new StorageResult(setup, ids.Count, upload, ids.Count / seconds, handOffs, failed);
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
            if (database is not null)
                await database.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider DataServices(Dictionary<string, string> settings, Dictionary<string, string> secrets)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).AddInMemoryCollection(secrets!).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFaceJobsData(configuration);
        return services.BuildServiceProvider();
    }

    private static JobStorage JobStorageOf(StorageSetup setup, string folder, PostgreSqlTestDatabase? database)
    {
        if (database is null)
            return new SQLiteStorage(Path.Combine(folder, "hangfire.db"), new SQLiteStorageOptions());
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    private static async Task EnrollAsync(HttpClient client, IPersonRepository people)
    {
        using var response = await client.PostFormAsync(
            "/People", [("Name", "Sheldon Cooper"), ("RecheckEarlierPhotos", "false")], [FormClient.FileAt(TestPaths.Identity("sheldon", 1))]);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Adding the watchlist person answered {(int)response.StatusCode}.");
        await ModeRun.Until(async () => (await people.ListReferenceEmbeddingsAsync()).Count > 0, TimeSpan.FromMinutes(2), "enrollment");
    }

    private static async Task<long> UploadAsync(HttpClient client, (string Name, byte[] Content) photo, Latencies upload)
    {
        using var form = await client.LoadFormAsync("/", [], [photo]);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/", form);
        upload.Add(watch.Elapsed.TotalMilliseconds);
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && PhotoLocation().Match(location) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Upload of {photo.Name} answered {(int)response.StatusCode} {location}");
    }

    [GeneratedRegex(@"^/Photos/(\d+)$")]
    private static partial Regex PhotoLocation();
}
