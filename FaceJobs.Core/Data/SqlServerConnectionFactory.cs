using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace FaceJobs.Core.Data;

/// <summary>SQL Server connections, one per call (SqlClient pools them).</summary>
public sealed class SqlServerConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    public SqlServerConnectionFactory(string connectionString)
    {
        DapperConventions.Apply();
        _connectionString = connectionString;
    }

    public SqlDialect Dialect => SqlDialect.SqlServer;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(_connectionString);
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
