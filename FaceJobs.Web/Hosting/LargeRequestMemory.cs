namespace FaceJobs.Web.Hosting;

/// <summary>
/// Gives the memory of large uploads back to the system once the last of them has finished. A burst of big uploads
/// leaves the large-object heap full of dead file buffers; an idle server allocates nothing, so no collection would come
/// to free them, and the process would keep its peak size for as long as it stays idle. A large request is one whose
/// body is over <see cref="LargeBodyBytes"/>; when none is left in flight, one compacting collection that decommits
/// the freed memory runs in the background (at most once per <see cref="MinimumInterval"/>).
/// </summary>
public sealed class LargeRequestMemory(ILogger<LargeRequestMemory> logger, TimeProvider clock)
{
    public const long LargeBodyBytes = 16L * 1024 * 1024;

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _pending;
    private DateTimeOffset _lastCollection = DateTimeOffset.MinValue;

    public async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength is not > LargeBodyBytes)
        {
            await next(context);
            return;
        }

        lock (_gate)
        {
            _inFlight++;
        }

        try
        {
            await next(context);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlight == 0 && !_pending)
                {
                    _pending = true;
                    _ = Task.Run(CollectWhenIdleAsync);
                }
            }
        }
    }

    private async Task CollectWhenIdleAsync()
    {
        var wait = _lastCollection + MinimumInterval - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);

        lock (_gate)
        {
            _pending = false;
            // A new large request started meanwhile: its end schedules the collection again.
            if (_inFlight > 0)
                return;
            _lastCollection = clock.GetUtcNow();
        }

        var before = GC.GetTotalMemory(forceFullCollection: false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogDebug("Large uploads done: heap {Before} → {After} bytes", before, GC.GetTotalMemory(false));
    }
}
