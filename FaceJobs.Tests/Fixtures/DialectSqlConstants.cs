using System.Reflection;
using FaceJobs.Core.Data.Sql;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Finds every statement of a dialect's SQL class by reflection, so a new query is tested without listing it.</summary>
public static class DialectSqlConstants
{
    /// <summary>Public const string fields by name (private consts are fragments, not statements).</summary>
    public static IReadOnlyDictionary<string, string> Of(Type sqlClass) => sqlClass
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(constant => constant is { IsLiteral: true } && constant.FieldType == typeof(string))
        .ToDictionary(constant => constant.Name, constant => (string)constant.GetRawConstantValue()!);

    /// <summary>Every statement a dialect runs: its own class's plus the portable ones (a name in both throws).</summary>
    public static IReadOnlyDictionary<string, string> StatementsOf(Type dialectSqlClass) =>
        Of(dialectSqlClass).Concat(Of(typeof(PortableSql))).ToDictionary();
}
