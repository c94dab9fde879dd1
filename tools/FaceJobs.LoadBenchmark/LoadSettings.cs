using System.Globalization;

namespace FaceJobs.LoadBenchmark;

/// <summary>
/// Command line: <c>--users N</c> (20), <c>--seconds S</c> (30) per mode, <c>--throughput-photos K</c> (24, the
/// raw-vs-pipeline phase; 0 skips it), <c>--modes background,inline</c>, and <c>--set Key=Value</c> (repeatable) for
/// app settings to try, e.g. <c>--set Hangfire:SqlitePollIntervalMilliseconds=50</c>, and <c>--probe PATH</c> (<c>/Photos</c>),
/// the page timed idle and under load (<c>/site.css</c> or <c>/health</c> tell the page's own work from the server's), and
/// <c>--hosting process|web-and-worker|in-process</c> (<see cref="LoadBenchmark.Hosting"/>; <c>process</c>).
/// </summary>
internal sealed record LoadSettings(
    int Users, int Seconds, int ThroughputPhotos, IReadOnlyList<string> Modes, IReadOnlyDictionary<string, string> AppSettings, string ProbedPage,
    Hosting Hosting)
{
    public static LoadSettings Parse(string[] args)
    {
        int users = 20, seconds = 30, throughput = 24;
        var probe = "/Photos";
        var hosting = Hosting.Process;
        var modes = new List<string> { "Background", "Inline" };
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--users":
                    users = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--throughput-photos":
                    throughput = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--modes":
                    modes = value.Split(',').Select(m => char.ToUpperInvariant(m[0]) + m[1..]).ToList();
                    break;
                case "--hosting":
                    hosting = Enum.Parse<Hosting>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "--probe":
                    probe = value;
                    break;
                case "--set":
                    var pair = value.Split('=', 2);
                    settings[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException($"--set {value}: expected Key=Value.");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.");
            }

            i++;
        }

        return new LoadSettings(users, seconds, throughput, modes, settings, probe, hosting);
    }

    public string CommandLine() =>
        $"--users {Users} --seconds {Seconds} --throughput-photos {ThroughputPhotos} --probe {ProbedPage} --hosting {HostingName}" +
        string.Concat(AppSettings.Select(s => $" --set {s.Key}={s.Value}"));

    private string HostingName => Hosting switch
    {
        Hosting.WebAndWorker => "web-and-worker",
        Hosting.InProcess => "in-process",
        _ => "process",
    };
}
