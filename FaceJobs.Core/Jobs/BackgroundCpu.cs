using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Runs the jobs' CPU-heavy work (decoding, inference, alignment) on dedicated threads at a lower CPU priority than the
/// web's request threads (Linux: a per-thread nice value, <c>Pipeline:WorkerNiceness</c> above the process's), so the
/// workers may use every core while pages and uploads still get the CPU first. Elsewhere, or at niceness 0 (the
/// default), the threads run at normal priority.
/// </summary>
public sealed class BackgroundCpu(IOptions<PipelineOptions> options) : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly List<Thread> _threads = [];
    private readonly int _niceness = options.Value.WorkerNiceness;

    // Threads waiting for work that no caller has claimed yet. Each call claims one or starts a thread, so work never
    // queues behind other work: how much runs at once is the Hangfire worker counts' business, not this pool's.
    private int _unclaimed;

    public Task<T> RunAsync<T>(Func<T> work)
    {
        // Continuations run on the thread that finishes the work (the job carries on there), rather than being queued to
        // the thread pool from a niced thread, which could start pool threads that inherit its nice value.
        var done = new TaskCompletionSource<T>();
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
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

        // The collection is not disposed: a thread still running work past the join (a long inference at shutdown)
        // goes back to it afterwards, and taking from a disposed collection would crash the process. Completed for
        // adding, it lets that thread end.
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
        if (_niceness > 0 && OperatingSystem.IsLinux())
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

    private const int PriorityProcess = 0;

    // DllImport rather than LibraryImport: blittable ints need no generated marshalling, nor unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
