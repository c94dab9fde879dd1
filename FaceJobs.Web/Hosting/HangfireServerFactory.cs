using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Builds this process's Hangfire servers with what AddHangfire registered (job activator, filters, job services), as
/// AddHangfireServer would, but split in two kinds: per queue a server that only runs workers, so that stopping it
/// pauses that queue and nothing else; and one server that runs the delayed and recurring job schedulers and the
/// storage's upkeep, which is never paused, so scheduled jobs of every queue are still enqueued while one is paused.
/// </summary>
public sealed class HangfireServerFactory(IServiceProvider provider, JobStorage storage, IOptions<HangfireOptions> options)
{
    /// <summary>How often the schedulers look for delayed and recurring jobs that are due.</summary>
    public static readonly TimeSpan SchedulePollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>The server's name: machine, process id and what it runs (tests read the process id from it).</summary>
    public static string ServerName(string what) => $"{Environment.MachineName}:{Environment.ProcessId}:{what}";

    public BackgroundJobServer StartQueueServer(string queue, int workerCount)
    {
        var grace = TimeSpan.FromSeconds(options.Value.StopGraceSeconds);
        return new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = ServerName(queue),
                Queues = [queue],
                WorkerCount = workerCount,
                SchedulePollingInterval = SchedulePollingInterval,
                // Workers only: the schedulers and the storage's upkeep run on the server that is never paused.
                IsLightweightServer = true,
                // Hangfire cancels a running job's token this long after SendStop (by default half a second): a pause
                // stops the fetching at once but lets what is running finish.
                StopTimeout = grace,
                ShutdownTimeout = grace + BackgroundProcessingServer.DefaultShutdownTimeout,
                Activator = provider.GetService<JobActivator>(),
                FilterProvider = provider.GetService<IJobFilterProvider>(),
                TimeZoneResolver = provider.GetService<ITimeZoneResolver>(),
            },
            storage);
    }

    public BackgroundProcessingServer StartSchedulerServer()
    {
        var filters = provider.GetService<IJobFilterProvider>() ?? JobFilterProviders.Providers;
        var jobFactory = provider.GetService<IBackgroundJobFactory>() ?? new BackgroundJobFactory(filters);
        var stateChanger = provider.GetService<IBackgroundJobStateChanger>() ?? new BackgroundJobStateChanger(filters);
        var timeZones = provider.GetService<ITimeZoneResolver>() ?? new DefaultTimeZoneResolver();
        IBackgroundProcess[] schedulers =
        [
            new DelayedJobScheduler(SchedulePollingInterval, stateChanger),
            new RecurringJobScheduler(jobFactory, SchedulePollingInterval, timeZones),
        ];
        // Listed among the servers with no queue and no workers.
        var properties = new Dictionary<string, object> { ["Queues"] = Array.Empty<string>(), ["WorkerCount"] = 0 };
        return new BackgroundProcessingServer(storage, schedulers, properties, new BackgroundProcessingServerOptions { ServerName = ServerName("schedulers") });
    }
}
