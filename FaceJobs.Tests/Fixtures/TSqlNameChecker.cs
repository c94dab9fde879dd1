using FaceJobs.Core.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// The part of SQL Server's name binding that needs no server: every table a statement reads or writes is created by
/// the SqlServer migrations, and every column it names belongs to one of its tables or is an alias it defines.
/// </summary>
internal sealed class TSqlNameChecker
{
    private readonly Dictionary<string, HashSet<string>> _columnsByTable = new(StringComparer.OrdinalIgnoreCase);

    public TSqlNameChecker()
    {
        var scripts = MigrationScript.Load(SqlDialect.SqlServer).Select(script => script.Text).Append(SqlDialect.SqlServer.MigrationLock);
        foreach (var table in scripts.SelectMany(script => Collect<CreateTableStatement>(Parse(script))))
        {
            _columnsByTable[table.SchemaObjectName.BaseIdentifier.Value] = table.Definition.ColumnDefinitions
                .Select(column => column.ColumnIdentifier.Value)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
    }

    public IReadOnlyCollection<string> Tables => _columnsByTable.Keys;

    public IReadOnlySet<string> ColumnsOf(string table) => _columnsByTable[table];

    /// <summary>Names the statement uses that the schema does not have, as "table x" or "column y".</summary>
    public IReadOnlyList<string> UnknownNames(string sql)
    {
        var tree = Parse(sql);
        var tables = Collect<NamedTableReference>(tree).Select(table => table.SchemaObject.BaseIdentifier.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = Collect<SelectScalarExpression>(tree)
            .Where(element => element.ColumnName is not null)
            .Select(element => element.ColumnName.Value)
            .Concat(tables.Where(_columnsByTable.ContainsKey).SelectMany(table => _columnsByTable[table]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = Collect<ColumnReferenceExpression>(tree)
            .Where(column => column.ColumnType == ColumnType.Regular && column.MultiPartIdentifier is not null)
            .Select(column => column.MultiPartIdentifier.Identifiers[^1].Value);

        return tables.Where(table => !_columnsByTable.ContainsKey(table)).Select(table => $"table {table}")
            .Concat(columns.Where(column => !known.Contains(column)).Distinct().Select(column => $"column {column}"))
            .ToArray();
    }

    private static TSqlFragment Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Count == 0 ? fragment : throw new ArgumentException($"Does not parse: {errors[0].Message}", nameof(sql));
    }

    private static List<T> Collect<T>(TSqlFragment tree) where T : TSqlFragment
    {
        var collector = new Collector<T>();
        tree.Accept(collector);
        return collector.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T match)
            {
                Found.Add(match);
            }
        }
    }
}
