using System.Data.Common;

namespace FaceJobs.Core.Data;

/// <summary>Opens a new connection to the app's database; the caller disposes it.</summary>
public interface IDbConnectionFactory
{
    /// <summary>The dialect of the connections this factory opens.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Opens a connection, ready for use (SQLite: foreign keys on, WAL, busy timeout set).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
