using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Schedules a stored photo's pipeline (<see cref="PhotoPipeline"/>) just after its upload request has answered, on one
/// loop of its own. Enqueueing three Hangfire jobs takes several storage commits, and under load waiting for them was
/// most of an upload's time. The photo itself is stored before the request answers, so nothing is lost if this process
/// dies before its turn: <see cref="StartUnscheduledPipelinesJob"/> schedules photos stored without jobs. In
/// <see cref="PipelineMode.Inline"/> (the benchmark baseline) the request still runs the pipeline itself.
/// </summary>
/// <remarks>
/// An <see cref="IHostedService"/> of its own rather than a BackgroundService: since .NET 10 BackgroundService starts
/// ExecuteAsync with Task.Run on its stopping token, so a stop that came before the thread pool ran it cancelled the loop
/// unrun, and the photos waiting in the channel were never scheduled (seen in PipelineStarterTests).
/// </remarks>
public sealed class PipelineStarter(IServiceScopeFactory scopes, IOptions<PipelineOptions> options, ILogger<PipelineStarter> logger)
    : IHostedService
{
    // Photo ids only (the photos are in the database), and uploads are already limited per request and at once.
    private readonly Channel<long> _photos = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();

    private Task? _loop;

    public async Task StartAsync(long photoId, CancellationToken cancellationToken)
    {
        if (options.Value.Mode == PipelineMode.Inline || !options.Value.ScheduleAfterResponse || !_photos.Writer.TryWrite(photoId))
        {
            // Inline mode, scheduling in the request asked for, or this process stopping (rather than leave the photo to
            // the recovery job): here and now.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PhotoPipeline>().StartAsync(photoId, cancellationToken);
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(ScheduleWaitingPhotosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more photos and returns once those still waiting are scheduled, or when the host stops waiting.</summary>
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        _photos.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAny(_loop ??= ScheduleWaitingPhotosAsync(), Task.Delay(Timeout.Infinite, cancellationToken));
    }

    // Not stopped by _stopping: on stop the writer is completed and the loop schedules what is still waiting.
    private async Task ScheduleWaitingPhotosAsync()
    {
        await foreach (var photoId in _photos.Reader.ReadAllAsync(CancellationToken.None))
            await ScheduleAsync(photoId, _stopping.Token);
    }

    // Retried while the storage is away, going on from the jobs already created. Past the retries the recovery job takes
    // the photo over (StartUnscheduledPipelinesJob). Once stopping, a few quick retries only, so a stop is not held up.
    private async Task ScheduleAsync(long photoId, CancellationToken stoppingToken)
    {
        var progress = new PipelineProgress(photoId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PhotoPipeline>().ContinueAsync(progress, CancellationToken.None);
                return;
            }
            catch (Exception e)
            {
                var stopping = stoppingToken.IsCancellationRequested;
                if (DelayAfter(attempt, stopping) is not { } delay)
                {
                    logger.LogWarning(e, "Could not schedule the pipeline of photo {PhotoId}; the recovery job will schedule it", photoId);
                    return;
                }

                logger.LogWarning(e, "Could not schedule the pipeline of photo {PhotoId} (attempt {Attempt}); trying again", photoId, attempt);
                try
                {
                    await Task.Delay(delay, stopping ? CancellationToken.None : stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping began: go on at once with the stop's quick retries.
                }
            }
        }
    }

    private static TimeSpan? DelayAfter(int failedAttempt, bool stopping) => stopping
        ? failedAttempt <= RetriesWhileStopping ? RetryDelayWhileStopping : null
        : failedAttempt <= RetryDelays.Length ? RetryDelays[failedAttempt - 1] : null;

    private static readonly TimeSpan[] RetryDelays = [.. new[] { 1, 2, 4, 8, 15, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    private const int RetriesWhileStopping = 3;

    private static readonly TimeSpan RetryDelayWhileStopping = TimeSpan.FromMilliseconds(200);
}
