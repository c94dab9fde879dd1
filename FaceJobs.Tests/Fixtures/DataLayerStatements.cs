using System.Data.Common;
using System.Reflection;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// Every statement the data layer runs in one dialect, read from the repositories and the migrator as that dialect
/// builds them, so a new query is tested without listing it. A statement ends with ';'; any other string field is
/// a fragment (a column list) and must appear inside a statement.
/// </summary>
public static class DataLayerStatements
{
    /// <summary>Statement texts by "Class.field".</summary>
    public static IReadOnlyDictionary<string, string> Of(SqlDialect dialect) =>
        StringFields(dialect).Where(field => IsStatement(field.Value)).ToDictionary();

    /// <summary>String fields that are not statements, by "Class.field".</summary>
    public static IReadOnlyDictionary<string, string> FragmentsOf(SqlDialect dialect) =>
        StringFields(dialect).Where(field => !IsStatement(field.Value)).ToDictionary();

    private static bool IsStatement(string sql) => sql.TrimEnd().EndsWith(';');

    private static IEnumerable<KeyValuePair<string, string>> StringFields(SqlDialect dialect)
    {
        var connections = new DialectOnlyConnections(dialect);
        object[] owners =
        [
            new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance),
            new DapperPhotoRepository(connections),
            new DapperFaceRepository(connections),
            new DapperMatchRepository(connections),
            new DapperPersonRepository(connections),
            new DapperAlertRepository(connections),
            new DapperQueuePauseRepository(connections),
        ];
        yield return new(nameof(SqlDialect.MigrationLock), dialect.MigrationLock);
        foreach (var owner in owners)
        {
            const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
            foreach (var field in owner.GetType().GetFields(declared).Where(field => field.FieldType == typeof(string)))
            {
                var text = field.IsLiteral ? (string)field.GetRawConstantValue()! : (string)field.GetValue(field.IsStatic ? null : owner)!;
                yield return new($"{owner.GetType().Name}.{field.Name}", text);
            }
        }
    }

    /// <summary>Gives repositories their dialect; they only read statement texts from it when constructed.</summary>
    private sealed class DialectOnlyConnections(SqlDialect dialect) : IDbConnectionFactory
    {
        public SqlDialect Dialect => dialect;

        public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("Statement listing opens no connection.");
    }
}
