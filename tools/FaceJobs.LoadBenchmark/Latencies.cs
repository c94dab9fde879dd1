using System.Collections.Concurrent;

namespace FaceJobs.LoadBenchmark;

/// <summary>Milliseconds recorded from many threads; percentiles by nearest rank.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentQueue<double> _values = new();

    public int Count => _values.Count;

    public IEnumerable<double> Values => _values;

    public void Add(double milliseconds) => _values.Enqueue(milliseconds);

    public double Percentile(double p)
    {
        var sorted = _values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Summary() => $"n={Count,5}  p50 {Percentile(0.50),8:0.0}  p95 {Percentile(0.95),8:0.0}  p99 {Percentile(0.99),8:0.0} ms";
}
