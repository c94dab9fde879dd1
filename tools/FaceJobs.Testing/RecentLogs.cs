using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaceJobs.Testing;

/// <summary>
/// Keeps the app's last warnings and errors, so a test that times out waiting on the app can say what the app
/// reported meanwhile (the test runner does not show the app's console).
/// </summary>
public sealed class RecentLogs : ILoggerProvider
{
    private const int Kept = 40;
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    /// <summary>The kept entries, one a line, for a failure message.</summary>
    public override string ToString() => string.Join('\n', _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Kept)
            _entries.TryDequeue(out _);
    }

    private sealed class Logger(RecentLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var cause = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            logs.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{cause}");
        }
    }
}
