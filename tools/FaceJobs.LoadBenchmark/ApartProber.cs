using System.Diagnostics;
using System.Globalization;
using FaceJobs.Testing;

namespace FaceJobs.LoadBenchmark;

/// <summary>One timed load of the probed page, with when it began (wall clock, to set beside the app's collections).</summary>
internal sealed record ProbeSample(DateTime StartUtc, double Milliseconds)
{
    public DateTime EndUtc => StartUtc.AddMilliseconds(Milliseconds);
}

/// <summary>What the prober in its own process timed, and the collections of that process meanwhile.</summary>
internal sealed record ApartProbes(Latencies Times, IReadOnlyList<ProbeSample> Samples, int Collections, double PausedMilliseconds);

/// <summary>
/// The page prober as an operating-system process of its own (this program's <c>probe</c> command), signed in as the
/// benchmark's account: it times the page as another person's browser would, without the pauses and queued work of the
/// load generator's 20 virtual users, whose process the in-process prober shares. Driven over its standard input:
/// <c>start</c> … <c>stop</c> probes every 50 ms between the two, <c>count N</c> probes N times; each answers one line.
/// </summary>
internal sealed class ApartProber : IAsyncDisposable
{
    private readonly Process _process;

    private ApartProber(Process process) => _process = process;

    public static async Task<ApartProber> StartAsync(Uri baseAddress, string account, string page)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(ApartProber).Assembly.Location);
        foreach (var argument in new[] { "probe", baseAddress.ToString(), account, page })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var prober = new ApartProber(process);
        var ready = await process.StandardOutput.ReadLineAsync();
        if (ready != "ready")
        {
            await prober.DisposeAsync();
            throw new InvalidOperationException($"The prober process did not sign in: {ready}");
        }

        return prober;
    }

    public Task StartProbingAsync() => _process.StandardInput.WriteLineAsync("start");

    public async Task<ApartProbes> StopProbingAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        return await ReadProbesAsync();
    }

    public async Task<ApartProbes> ProbeAsync(int times)
    {
        await _process.StandardInput.WriteLineAsync($"count {times}");
        return await ReadProbesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private async Task<ApartProbes> ReadProbesAsync()
    {
        // "<collections> <paused ms> <t1>@<start1> <t2>@<start2> …", starts in Unix milliseconds
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The prober process ended.");
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var samples = fields.Skip(2).Select(field => field.Split('@')).Select(pair => new ProbeSample(
            DateTime.UnixEpoch.AddMilliseconds(double.Parse(pair[1], CultureInfo.InvariantCulture)), double.Parse(pair[0], CultureInfo.InvariantCulture))).ToList();
        var times = new Latencies();
        samples.ForEach(sample => times.Add(sample.Milliseconds));
        return new ApartProbes(times, samples, int.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The <c>probe BASE-URL ACCOUNT PAGE</c> command: the other end of <see cref="ApartProber"/>.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args is not [var baseAddress, var account, var page])
            throw new ArgumentException("probe BASE-URL ACCOUNT PAGE");
        using var client = AppUnderLoad.ClientFor(new Uri(baseAddress));
        await SignIn.SignedInAsync(client, account);
        Console.WriteLine("ready");
        // Console.In reads synchronously even through ReadLineAsync, so "stop" is awaited on a thread of its own.
        while (Console.In.ReadLine() is { } command)
        {
            var before = GcDuringLoad.Snapshot();
            var times = new Latencies();
            var samples = new List<ProbeSample>();
            switch (command.Split(' '))
            {
                case ["start"]:
                    var stop = Task.Run(Console.In.ReadLine);
                    while (!stop.IsCompleted)
                        await ModeRun.TimeProbeAsync(client, page, times, samples);
                    break;
                case ["count", var count]:
                    for (var i = 0; i < int.Parse(count, CultureInfo.InvariantCulture); i++)
                        await ModeRun.TimeProbeAsync(client, page, times, samples);
                    break;
                default:
                    throw new ArgumentException($"Unknown prober command {command}.");
            }

            var gc = GcDuringLoad.Since(before, TimeSpan.Zero);
            Console.WriteLine(string.Join(' ', new[] { gc.Gen0.ToString(CultureInfo.InvariantCulture), gc.Pauses.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) }
                .Concat(samples.Select(s => FormattableString.Invariant($"{s.Milliseconds:0.###}@{(s.StartUtc - DateTime.UnixEpoch).TotalMilliseconds:0.###}")))));
        }

        return 0;
    }
}
