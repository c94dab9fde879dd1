using System.Data.Common;
using System.Diagnostics;
using FaceJobs.Core.Data.Repositories;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Runs this process's Hangfire servers (one per queue with workers here, plus the schedulers) and obeys the pause
/// flags in the app database, which every process reads every <see cref="HangfireOptions.PauseCheckMilliseconds"/>:
/// a paused queue's server is sent stop, so it fetches nothing more and lets a running job finish; a resumed queue
/// gets a new server. Hangfire itself has no pause (https://github.com/HangfireIO/Hangfire/issues/173).
/// </summary>
public sealed class QueueServers(
    HangfireServerFactory factory, IQueuePauseRepository pauses, IOptions<HangfireOptions> options, ILogger<QueueServers> logger)
    : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BackgroundJobServer> _running = [];
    private readonly List<(string Queue, BackgroundJobServer Server)> _draining = [];
    private BackgroundProcessingServer? _schedulers;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start-up of the host does not wait for the first read
        lock (_lock)
            _schedulers = factory.StartSchedulerServer();

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PauseCheckMilliseconds));
        do
        {
            if (await ReadPausedAsync(stoppingToken) is { } paused)
                Apply(paused);
            DisposeDrained();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The paused queues, or null when the database did not answer (then nothing changes until it does).</summary>
    private async Task<HashSet<string>?> ReadPausedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await pauses.ListAsync(cancellationToken)).Select(pause => pause.QueueName).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            // A database restart must not end the worker: keep what runs, start nothing, and read again next time.
            logger.LogWarning(e, "Could not read which queues are paused; trying again in {Interval} ms", options.Value.PauseCheckMilliseconds);
            return null;
        }
    }

    private void Apply(HashSet<string> paused)
    {
        lock (_lock)
        {
            foreach (var (queue, workers) in options.Value.Workers.Where(w => w.Value > 0))
            {
                var running = _running.TryGetValue(queue, out var server);
                if (paused.Contains(queue) && running)
                {
                    server!.SendStop();
                    _running.Remove(queue);
                    _draining.Add((queue, server));
                    logger.LogInformation("Queue {Queue} paused: this process takes no more of its jobs; a running one may finish", queue);
                }
                else if (!paused.Contains(queue) && !running)
                {
                    _running[queue] = factory.StartQueueServer(queue, workers);
                    logger.LogInformation("Queue {Queue} served with {Workers} workers", queue, workers);
                }
            }
        }
    }

    private void DisposeDrained()
    {
        lock (_lock)
        {
            foreach (var drained in _draining.Where(d => d.Server.WaitForShutdown(TimeSpan.Zero)).ToArray())
            {
                drained.Server.Dispose();
                _draining.Remove(drained);
                logger.LogInformation("Queue {Queue}: its paused server finished its running jobs and stopped", drained.Queue);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        List<IBackgroundProcessingServer> servers;
        lock (_lock)
        {
            servers = [.. _running.Values, .. _draining.Select(d => d.Server)];
            if (_schedulers is not null)
                servers.Add(_schedulers);
        }

        var stopping = Stopwatch.StartNew();
        foreach (var server in servers)
            server.SendStop();
        try
        {
            await Task.WhenAll(servers.Select(server => server.WaitForShutdownAsync(cancellationToken)));
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Hangfire servers still stopping after {Elapsed} ms, when the host stopped waiting", stopping.ElapsedMilliseconds);
        }
    }

    public override void Dispose()
    {
        lock (_lock)
        {
            foreach (var server in _running.Values.Concat(_draining.Select(d => d.Server)))
                server.Dispose();
            _schedulers?.Dispose();
            _running.Clear();
            _draining.Clear();
            _schedulers = null;
        }

        base.Dispose();
    }
}
