using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace FaceJobs.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the Debian binaries: initdb into a temporary folder, pg_ctl on a free loopback
/// port with the socket in that folder, run as an unprivileged user (PostgreSQL refuses root). One per test run
/// (<see cref="SharedAsync"/>), stopped when the test process exits; the system cluster on 5432, if any, is not used.
/// Never skipped: without the binaries it fails with what to install.
/// </summary>
public sealed class PostgreSqlTestServer : IAsyncDisposable
{
    public const string ServerUser = "facejobs-pg";

    private const string SuperUser = "postgres";
    private const string FolderPrefix = "facejobs-pg-";

    private static readonly Lazy<Task<PostgreSqlTestServer>> Shared = new(StartSharedAsync);

    private readonly string _binaries;
    private readonly string? _runAs;
    private readonly string _password;
    private bool _stopped;

    private PostgreSqlTestServer(string binaries, string? runAs, string folder, int port, string password)
    {
        _binaries = binaries;
        _runAs = runAs;
        _password = password;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>The server every PostgreSQL test of this run shares, started on first use.</summary>
    public static Task<PostgreSqlTestServer> SharedAsync() => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> as the superuser, over TCP on the loopback port.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
        // A restarted server leaves dead connections in the pool; a failed one is dropped and the next call reconnects.
        Timeout = 5,
    }.ToString();

    /// <summary>A new, empty database, dropped when disposed.</summary>
    public async Task<PostgreSqlTestDatabase> CreateDatabaseAsync()
    {
        var name = $"facejobs_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name};");
        return new PostgreSqlTestDatabase(this, name);
    }

    internal async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
    }

    /// <summary>Stops the server at once, as a crash or a host going away would (clients see their connections drop).</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "immediate", "-w");

    /// <summary>Starts the stopped server again on the same port and folder.</summary>
    public Task StartAsync() => PgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(Folder, "server.log"), "-o", ServerOptions(Port, Folder));

    /// <summary><c>pg_ctl restart</c> (fast shutdown: open connections are closed, then the server starts again).</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(Folder, "server.log"), "-o", ServerOptions(Port, Folder));

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task PgCtlAsync(params string[] arguments) =>
        RunAsync(_runAs, Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, .. arguments], Folder);

    /// <summary>A server of its own, for a test that stops or restarts it (the shared one must stay up).</summary>
    public static Task<PostgreSqlTestServer> StartDedicatedAsync() => StartAsync(FindBinaries());

    private static async Task<PostgreSqlTestServer> StartSharedAsync()
    {
        var server = await StartAsync(FindBinaries());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<PostgreSqlTestServer> StartAsync(string binaries)
    {
        var runAs = Environment.UserName == "root" ? EnsureServerUser() : null;
        RemoveLeftovers(binaries, runAs);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), $"{ProcessSpace} {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (runAs is not null)
            await RunAsync(null, "chown", ["-R", $"{runAs}:", folder], folder);

        await RunAsync(runAs, Path.Combine(binaries, "initdb"),
            ["-D", Path.Combine(folder, "data"), "-U", SuperUser, "--pwfile", passwordFile, "--auth-local=peer", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--no-locale", "--no-sync"], folder);
        File.Delete(passwordFile);

        // A free port can be taken between finding it and the server binding it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgreSqlTestServer(binaries, runAs, folder, SmtpTestServer.FreePort(), password);
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    // No fsync: a throwaway server need not survive the machine crashing. But a commit is written out before it is
    // acknowledged (synchronous_commit stays on; without fsync that is one write, not a disk flush), so a server stopped
    // "immediate" as a crash loses nothing it confirmed; without that, the restart tests saw confirmed uploads' job ids
    // and continuations vanish, which no real server does. max_connections leaves room for several app processes' pools.
    private static string ServerOptions(int port, string folder) =>
        $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300";

    private static string FindBinaries()
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin", "initdb"))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return initdb is not null
            ? Path.GetDirectoryName(initdb)!
            : throw new InvalidOperationException(
                "The PostgreSQL tests start their own server from Debian's binaries, but no /usr/lib/postgresql/*/bin/initdb was found. " +
                "Run the tests with `bash tools/test.sh`, which installs the `postgresql` package when it is missing (or `apt-get install postgresql`).");
    }

    // PostgreSQL will not run as root: the server runs as a system user made for it (or nobody if none can be made).
    private static string EnsureServerUser()
    {
        if (UserExists(ServerUser))
            return ServerUser;
        try
        {
            RunAsync(null, "useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServerUser], "/").GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Another test process may have made it at the same moment; otherwise fall back below.
        }

        return UserExists(ServerUser) ? ServerUser : "nobody";
    }

    private static bool UserExists(string name) => File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    // A test process killed before its exit handler ran leaves its server running; the next run stops it. Only a
    // leftover of this machine's process ids is judged by its owner's pid: where several machines or containers share
    // the temporary folder, another one's pid means nothing here, and its live server must be left alone.
    private static void RemoveLeftovers(string binaries, string? runAs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            var owner = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Split(' ') : [];
            if (owner is not [var space, var pidText] || space != ProcessSpace || !int.TryParse(pidText, out var pid) || IsAlive(pid))
                continue;
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    RunAsync(runAs, Path.Combine(binaries, "pg_ctl"), ["-D", data, "stop", "-m", "immediate", "-w"], folder).GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Already stopped, or started as another user: then its postmaster goes by its pid.
                    if (int.TryParse(File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault(), out var postmaster) && IsAlive(postmaster))
                        Process.GetProcessById(postmaster).Kill();
                }
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or IOException)
            {
                // Another test process of this machine is removing the same leftover.
            }
        }
    }

    private const string OwnerFile = "owner";

    /// <summary>This kernel boot and process-id namespace: where a pid written by another test process can be looked up.</summary>
    private static string ProcessSpace { get; } =
        $"{File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim()}/{new FileInfo("/proc/self/ns/pid").LinkTarget}";

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string? runAs, string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", program })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
