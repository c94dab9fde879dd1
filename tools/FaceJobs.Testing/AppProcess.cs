using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FaceJobs.Testing;

/// <summary>FaceJobs.Web as a separate operating-system process, so a test can kill it as a crash or an operator would.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private AppProcess(Process process, Uri baseAddress, IReadOnlyDictionary<string, string> settings, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Settings = settings;
    }

    /// <summary>The settings it was started with (the database among them), for the app's commands run beside it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public Uri BaseAddress { get; }

    /// <summary>Resident memory of the process now (Linux /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>FaceJobs.Web.dll as built beside the tests, in the same configuration.</summary>
    public static string WebDll => Path.Combine(
        TestPaths.WebProject, "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "FaceJobs.Web.dll"); // bin/<Configuration>/net10.0

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The app built beside the tests (same configuration), with <paramref name="settings"/> as arguments and
    /// <paramref name="secrets"/> (e.g. a connection string with its password) as environment variables, never on the
    /// command line.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings, IDictionary<string, string>? secrets = null)
    {
        var dll = WebDll;
        var port = SmtpTestServer.FreePort();
        var all = new Dictionary<string, string>
        {
            ["contentRoot"] = TestPaths.WebProject,
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings:FaceJobs"] = $"Data Source={Path.Combine(dataDirectory, "facejobs.db")}",
            ["Hangfire:SqliteFile"] = Path.Combine(dataDirectory, "hangfire.db"),
            ["Alerts:PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
        };
        foreach (var (key, value) in settings)
            all[key] = value;
        foreach (var key in secrets?.Keys ?? [])
            all.Remove(key);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in secrets ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in all)
            start.ArgumentList.Add($"--{key}={value}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"), all, output);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        await Waiting.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"FaceJobs.Web exited with {process.ExitCode} during start-up:\n{string.Join("\n", output.TakeLast(30))}");
            try
            {
                return await client.GetStringAsync("/health") == "Healthy" ? "up" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(120), "the FaceJobs.Web process to answer /health");
        return app;
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string LastOutput(int lines = 20) => string.Join("\n", _output.TakeLast(lines));

    /// <summary>SIGKILL: no graceful shutdown, running jobs are cut off where they are.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops it: the app shuts down gracefully (Hangfire hands back what it runs).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"SIGTERM to process {_process.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Process {_process.Id} did not stop within {timeout.TotalSeconds:0} s of SIGTERM:\n{LastOutput()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }

    private const int SigTerm = 15;

    // DllImport rather than LibraryImport: blittable ints need no generated marshalling (as in BackgroundCpu).
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054
}
