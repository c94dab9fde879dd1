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
public sealed class PipelineStarter(IServiceScopeFactory scopes, IOptions<PipelineOptions> options, ILogger<PipelineStarter> logger)
    : BackgroundService
{
    // Photo ids only (the photos are in the database), and uploads are already limited per request and at once.
    private readonly Channel<long> _photos = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: on stop the writer is completed and the loop schedules what is still waiting (StopAsync).
        await foreach (var photoId in _photos.Reader.ReadAllAsync(CancellationToken.None))
            await ScheduleAsync(photoId, stoppingToken);
    }

    // Retried while the storage is away, going on from the jobs already created. Past the retries, or once stopping, the
    // recovery job takes the photo over (StartUnscheduledPipelinesJob).
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
            catch (Exception e) when (attempt <= RetryDelays.Length && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not schedule the pipeline of photo {PhotoId} (attempt {Attempt}); trying again", photoId, attempt);
                try
                {
                    await Task.Delay(RetryDelays[attempt - 1], stoppingToken);
                }
                catch (OperationCanceledException)
                {
                }
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not schedule the pipeline of photo {PhotoId}; the recovery job will schedule it", photoId);
                return;
            }
        }
    }

    private static readonly TimeSpan[] RetryDelays = [.. new[] { 1, 2, 4, 8, 15, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _photos.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }
}
