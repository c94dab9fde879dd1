using FaceJobs.Core.Data;

namespace FaceJobs.Testing;

/// <summary>A fresh database on the run's throwaway PostgreSQL server, dropped on dispose.</summary>
public sealed class PostgreSqlTestDatabase : ITestDatabase
{
    private readonly PostgreSqlTestServer _server;
    private readonly string _name;

    internal PostgreSqlTestDatabase(PostgreSqlTestServer server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = server.ConnectionString(name);
        Connections = new PostgreSqlConnectionFactory(ConnectionString);
    }

    public string ConnectionString { get; }

    public IDbConnectionFactory Connections { get; }

    public PostgreSqlTestServer Server => _server;

    /// <summary>A fresh database on the shared server.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateAsync() => await (await PostgreSqlTestServer.SharedAsync()).CreateDatabaseAsync();

    /// <summary>What puts the app on this database: provider, connection string, and quick job polling for tests.</summary>
    public Dictionary<string, string> AppSettings() => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:FaceJobs"] = ConnectionString,
        ["Hangfire:PostgreSqlPollIntervalMilliseconds"] = "200",
    };

    public ValueTask DisposeAsync() => new(_server.DropDatabaseAsync(_name));
}
