using System.Reflection;
using System.Text.RegularExpressions;

namespace FaceJobs.Core.Data;

/// <summary>One numbered migration script of a dialect, embedded in this assembly.</summary>
public sealed partial class MigrationScript
{
    private MigrationScript(string version, string text)
    {
        Version = version;
        Text = text;
    }

    /// <summary>The file name without extension, e.g. <c>0001_initial</c>; scripts run in ordinal order of it.</summary>
    public string Version { get; }

    public string Text { get; }

    /// <summary>The script split on <c>GO</c> lines, which are a client convention and not SQL.</summary>
    public IReadOnlyList<string> Batches => Split(Text);

    /// <summary>Every migration script of the dialect, in the order they must run.</summary>
    public static IReadOnlyList<MigrationScript> Load(SqlDialect dialect)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = dialect.MigrationResourcePrefix;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new MigrationScript(name[prefix.Length..^".sql".Length], ReadResource(assembly, name)))
            .OrderBy(script => script.Version, StringComparer.Ordinal)
            .ToArray();
    }

    internal static IReadOnlyList<string> Split(string script) => GoLine().Split(script)
        .Where(batch => !string.IsNullOrWhiteSpace(batch))
        .ToArray();

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
