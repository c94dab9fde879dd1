using System.Diagnostics;

namespace FaceJobs.Benchmarks;

/// <summary>Times an action after warm-up runs; prints and returns a Markdown table row.</summary>
internal sealed class StageTimer
{
    private const int WarmUpRuns = 3;

    public string Measure(string stage, int runs, Action action)
    {
        var stats = Time(runs, action);
        Console.WriteLine($"{stage}: median {stats.Median:F2} ms, mean {stats.Mean:F2} ms ({runs} runs)");
        return $"| {stage} | {runs} | {stats.Median:F2} | {stats.Mean:F2} |";
    }

    public (double Median, double Mean) Time(int runs, Action action)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[runs / 2], times.Average());
    }
}
