namespace FaceJobs.Eval;

/// <summary>Positional arguments plus <c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed record CommandLine(string Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string?> Options)
{
    private static readonly HashSet<string> Switches = [];

    public static CommandLine Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
            else if (Switches.Contains(args[i]) || i + 1 == args.Length)
            {
                options[args[i]] = null;
            }
            else
            {
                options[args[i]] = args[++i];
            }
        }

        return new CommandLine(args.Length > 0 ? args[0] : "", positional, options);
    }

    public bool Has(string name) => Options.ContainsKey(name);

    public float? Float(string name) => Options.TryGetValue(name, out var value) && value is not null ? float.Parse(value) : null;

    public string? Text(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
