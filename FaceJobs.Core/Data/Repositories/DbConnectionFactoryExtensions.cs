using System.Data.Common;
using Dapper;

namespace FaceJobs.Core.Data.Repositories;

/// <summary>One connection per call, opened and disposed around a single Dapper command or transaction.</summary>
internal static class DbConnectionFactoryExtensions
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this IDbConnectionFactory connections, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnectionFactory connections, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public static async Task<int> ExecuteAsync(this IDbConnectionFactory connections, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction (SQLite: BEGIN IMMEDIATE) and commits it.</summary>
    public static async Task<T> InTransactionAsync<T>(this IDbConnectionFactory connections, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
