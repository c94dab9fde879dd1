namespace FaceJobs.LoadBenchmark;

/// <summary>Samples the app's resident set (<see cref="AppUnderLoad.ResidentMiB"/>) every 100 ms and keeps the largest.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<double> _residentMiB;
    private readonly Task _sampling;
    private double _peak;

    public MemorySampler(Func<double> residentMiB)
    {
        _residentMiB = residentMiB;
        _sampling = Task.Run(SampleAsync);
    }

    public double PeakMiB => Volatile.Read(ref _peak);

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
            try
            {
                Volatile.Write(ref _peak, Math.Max(_peak, _residentMiB()));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // A process of the app stopping: gone, or a zombie without a resident set.
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
