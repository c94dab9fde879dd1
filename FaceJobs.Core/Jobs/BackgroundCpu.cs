using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Runs the jobs' CPU-heavy work (decoding, inference, alignment) on dedicated threads at a lower CPU priority than the
/// web's request threads (Linux: a per-thread nice value, <c>Pipeline:WorkerNiceness</c> above the process's), so the
/// workers may use every core while pages and uploads still get the CPU first. Elsewhere, or at niceness 0, the threads
/// run at normal priority. With <c>Pipeline:WorkerScheduling=Idle</c> they run under Linux's SCHED_IDLE policy instead.
/// </summary>
/// <remarks>
/// Linux gives a new thread the nice value of the thread that starts it, and .NET may start a thread-pool thread from
/// whichever thread queues work. So a niced thread only ever runs the pure CPU work handed to it: it never completes the
/// caller's task itself (which would run the job's continuation, its database writes and whatever threads they start,
/// at low priority). A completion thread at the process's own priority does that, and the continuation goes to the
/// thread pool from there.
/// </remarks>
public sealed class BackgroundCpu : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly BlockingCollection<Action> _completions = new();
    private readonly List<Thread> _threads = [];
    private readonly Thread _completer;
    private readonly int _niceness;
    private readonly bool _idlePolicy;

    // Threads waiting for work that no caller has claimed yet. Each call claims one or starts a thread, so work never
    // queues behind other work: how much runs at once is the Hangfire worker counts' business, not this pool's.
    private int _unclaimed;

    public BackgroundCpu(IOptions<PipelineOptions> options)
    {
        // Inline mode is the in-request baseline: its work stands for a server without a queue, at normal priority.
        var inline = options.Value.Mode == PipelineMode.Inline;
        _niceness = inline ? 0 : options.Value.WorkerNiceness;
        _idlePolicy = !inline && options.Value.WorkerScheduling == WorkerScheduling.Idle;
        _completer = new Thread(Complete) { IsBackground = true, Name = "FaceJobs CPU completions" };
        _completer.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            Action complete;
            try
            {
                var result = work();
                complete = () => done.SetResult(result);
            }
            catch (Exception e)
            {
                complete = () => done.SetException(e);
            }

            HandBack(complete);
        });
        if (Interlocked.Decrement(ref _unclaimed) < 0)
        {
            Interlocked.Increment(ref _unclaimed);
            StartThread();
        }

        return done.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        lock (_threads)
        {
            foreach (var thread in _threads)
                thread.Join(TimeSpan.FromSeconds(5));
        }

        _completions.CompleteAdding();
        _completer.Join(TimeSpan.FromSeconds(5));

        // The collections are not disposed: a thread still running work past the join (a long inference at shutdown)
        // goes back to them afterwards, and using a disposed collection would crash the process. Completed for adding,
        // they let that thread end.
    }

    private void StartThread()
    {
        lock (_threads)
        {
            var thread = new Thread(Serve) { IsBackground = true, Name = $"FaceJobs CPU #{_threads.Count + 1}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    private void Serve()
    {
        if (_idlePolicy && OperatingSystem.IsLinux())
        {
            // pid 0 is the calling thread; SCHED_IDLE takes no priority. Lowering needs no privilege, and a failure
            // leaves the thread at normal priority, as setpriority's does below.
            var priority = 0;
            _ = SetScheduler(0, SchedulingIdle, ref priority);
        }
        else if (_niceness > 0 && OperatingSystem.IsLinux())
        {
            // On Linux a nice value belongs to the thread (its kernel task), not only to the process; a new thread starts
            // with its creator's, and this one goes that much lower, so the gap to request threads holds under `nice`.
            var inherited = GetPriority(PriorityProcess, GetThreadId());
            _ = SetPriority(PriorityProcess, GetThreadId(), Math.Min(19, inherited + _niceness));
        }

        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
            Interlocked.Increment(ref _unclaimed);
        }
    }

    private void HandBack(Action complete)
    {
        try
        {
            _completions.Add(complete);
        }
        catch (InvalidOperationException)
        {
            // Shut down while this work ran: the completion thread is gone, so the caller hears from this thread.
            complete();
        }
    }

    private void Complete()
    {
        foreach (var complete in _completions.GetConsumingEnumerable())
            complete();
    }

    private const int PriorityProcess = 0;
    private const int SchedulingIdle = 5;

    // DllImport rather than LibraryImport: blittable ints need no generated marshalling, nor unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    private static extern int SetScheduler(int pid, int policy, ref int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
