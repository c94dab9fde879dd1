using FaceJobs.Core.Data;
using Microsoft.Data.SqlClient;

namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// A new database on the SQL Server named by the <c>FACEJOBS_SQLSERVER</c> connection string, dropped on dispose.
/// Without that variable the tests that need it are skipped, never faked.
/// </summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    public const string EnvironmentVariable = "FACEJOBS_SQLSERVER";

    private readonly string _serverConnectionString;
    private readonly string _databaseName;

    private SqlServerTestDatabase(string serverConnectionString, string databaseName, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        ConnectionString = connectionString;
        Connections = new SqlServerConnectionFactory(connectionString);
    }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public string ConnectionString { get; }

    public IDbConnectionFactory Connections { get; }

    public static async Task<SqlServerTestDatabase> CreateAsync(string serverConnectionString)
    {
        var databaseName = $"facejobs_test_{Guid.NewGuid():N}";
        var server = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master" }.ToString();
        await ExecuteAsync(server, $"CREATE DATABASE [{databaseName}];");
        var database = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = databaseName }.ToString();
        return new SqlServerTestDatabase(server, databaseName, database);
    }

    public async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await ExecuteAsync(_serverConnectionString, $"ALTER DATABASE [{_databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_databaseName}];");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
