using FaceJobs.Core.Data;
using FaceJobs.Web.Hosting;

namespace FaceJobs.Web.Accounts;

/// <summary>
/// <c>dotnet FaceJobs.Web.dll accounts add --name NAME --role Admin|Operator|Viewer [--Setting=value …]</c>: adds an
/// account to the configured database (migrating it first). The password is read from the
/// <c>FACEJOBS_ACCOUNT_PASSWORD</c> environment variable or else the first line of standard input, never from the
/// command line, where other users of the machine and shell history would see it.
/// </summary>
public static class AccountsCommand
{
    public const string PasswordVariable = "FACEJOBS_ACCOUNT_PASSWORD";

    public const string Usage = "usage: FaceJobs.Web accounts add --name NAME --role Admin|Operator|Viewer [--Setting=value ...]  (password: $"
        + PasswordVariable + " or the first line of standard input)";

    public static bool Handles(string[] args) => args is ["accounts", ..];

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args is not ["accounts", "add", .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        string? name = null;
        string? roleText = null;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--name" when i + 1 < rest.Length:
                    name = rest[++i];
                    break;
                case "--role" when i + 1 < rest.Length:
                    roleText = rest[++i];
                    break;
                case "--password" or "-p":
                    await error.WriteLineAsync($"A password is never taken from the command line; set {PasswordVariable} or pipe it to standard input.");
                    return 2;
                default:
                    settings.Add(rest[i]);
                    break;
            }
        }

        if (name is null || !Enum.TryParse<AccountRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await ReadPasswordAsync(input, error);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.ToArray(),
            ApplicationName = typeof(AccountsCommand).Assembly.GetName().Name,
        });
        builder.Configuration.AddRepositoryRootSettings();
        builder.Logging.ClearProviders();
        builder.Services.AddFaceJobsData(builder.Configuration);
        builder.Services.AddFaceJobsAuth();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        var (id, problem) = await app.Services.GetRequiredService<AccountAdministration>().AddAsync(name, role, password);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }

        await output.WriteLineAsync($"Account {name} ({role}) added with id {id}.");
        return 0;
    }

    // At a terminal the password is typed without echo; piped in, it is the first line.
    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter prompt)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
            return await input.ReadLineAsync() ?? "";

        await prompt.WriteAsync("Password: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        await prompt.WriteLineAsync();
        return typed.ToString();
    }
}
