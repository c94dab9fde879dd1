using System.Diagnostics;

namespace FaceJobs.LoadBenchmark;

/// <summary>Samples this process's resident set (the app runs in it) every 100 ms and keeps the largest.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public MemorySampler() => _sampling = SampleAsync();

    public double PeakMiB => Interlocked.Read(ref _peak) / 1048576.0;

    public static double CurrentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using (var process = Process.GetCurrentProcess())
            {
                var rss = process.WorkingSet64;
                if (rss > Interlocked.Read(ref _peak))
                    Interlocked.Exchange(ref _peak, rss);
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
