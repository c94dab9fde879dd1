using System.Data.Common;
using Npgsql;

namespace FaceJobs.Core.Data;

/// <summary>PostgreSQL connections, one per call (Npgsql pools them per connection string).</summary>
public sealed class PostgreSqlConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public PostgreSqlConnectionFactory(string connectionString)
    {
        DapperConventions.Apply();
        _connectionString = connectionString;
    }

    public SqlDialect Dialect => SqlDialect.PostgreSql;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
