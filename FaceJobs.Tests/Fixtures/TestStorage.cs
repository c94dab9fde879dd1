namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// The storage a test's app runs on: the SQLite default (files in the host's own folder) or a fresh database on the
/// run's PostgreSQL server, dropped when disposed. Dispose it after the host.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;

    private TestStorage(Dictionary<string, string> settings, PostgreSqlTestDatabase? database)
    {
        _settings = settings;
        Database = database;
    }

    public PostgreSqlTestDatabase? Database { get; }

    public static Task<TestStorage> SqliteAsync() => Task.FromResult(new TestStorage([], null));

    public static async Task<TestStorage> PostgreSqlAsync()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync();
        return new TestStorage(database.AppSettings(), database);
    }

    /// <summary><paramref name="settings"/> with this storage's settings added.</summary>
    public Dictionary<string, string> With(IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
