using System.Diagnostics;
using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using FaceJobs.Web.Accounts;

namespace FaceJobs.Tests.Integration.Web;

/// <summary>Sign-in, wrong passwords, lockout, the rate limit, sign-out, the accounts command and the Admin page.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountTests
{
    [Fact]
    public async Task SignIn_LetsIn_AndSignOutEndsIt()
    {
        await using var host = await AppHost.StartAsync();
        var name = await host.AddAccountAsync(AccountRole.Viewer);
        using var client = host.CreateClient();

        var signIn = await client.SignInAsync(name.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Photos")).StatusCode);
        await client.PostFormAsync("/Photos", [], [], target: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Photos")).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndLocksTheAccountAfterRepeatedFailures()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["Accounts:LockoutFailures"] = "3" });
        var name = await host.AddAccountAsync(AccountRole.Operator);
        using var client = host.CreateClient();

        var unknown = await client.SignInAsync("nobody", SignIn.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Wrong name or password", await unknown.Content.ReadAsStringAsync());
        for (var i = 0; i < 2; i++)
            Assert.Contains("Wrong name or password", await (await client.SignInAsync(name, "not the password")).Content.ReadAsStringAsync());
        var third = await client.SignInAsync(name, "not the password");
        var rightButLocked = await client.SignInAsync(name);

        Assert.Contains("locked", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, rightButLocked.StatusCode);
        Assert.Contains("locked", await rightButLocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Photos")).StatusCode);
        var account = (await host.Get<IAccountRepository>().FindByNameAsync(name))!;
        Assert.True(account.LockedUntilUnixSeconds > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task SignInPosts_AreRateLimitedPerAddress_With429()
    {
        await using var host = await AppHost.StartAsync(new Dictionary<string, string> { ["Accounts:SignInAttemptsPerMinute"] = "3" });
        var name = await host.AddAccountAsync(AccountRole.Viewer);
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SignInAsync($"guess-{i}", "wrong")).StatusCode);
        var limited = await client.SignInAsync(name);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountsCommand_AddsAdminWithPasswordFromStandardInput_AndRefusesOneOnTheCommandLine()
    {
        var data = Directory.CreateTempSubdirectory("facejobs-accounts-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:FaceJobs"] = $"Data Source={Path.Combine(data, "facejobs.db")}",
            ["Hangfire:SqliteFile"] = Path.Combine(data, "hangfire.db"),
        };
        try
        {
            var output = await TestSignIn.RunAccountsAddAsync(settings, "First Admin", AccountRole.Admin, "a long enough password");
            Assert.Contains("First Admin (Admin) added", output);

            var refused = Process.Start(new ProcessStartInfo("dotnet", [AppProcess.WebDll, "accounts", "add", "--name", "x", "--role", "Admin", "--password", "secret-on-argv"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
            })!;
            refused.StandardInput.Close();
            var error = await refused.StandardError.ReadToEndAsync();
            await refused.WaitForExitAsync();
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("never taken from the command line", error);

            await using var host = await AppHost.StartAsync(dataDirectory: data);
            using var client = host.CreateClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("first admin", "a long enough password")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Accounts")).StatusCode);
            Assert.Null(await host.Get<IAccountRepository>().FindByNameAsync("x"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task AdminPage_AddsAccounts_AndARoleChangeEndsThatAccountsSession()
    {
        await using var host = await AppHost.StartAsync();
        using var admin = await host.CreateSignedInClientAsync(AccountRole.Admin);
        using var operatorClient = host.CreateClient();

        var added = await admin.PostFormAsync("/Admin/Accounts", [("Name", "New Operator"), ("Role", "1"), ("Password", "twelve chars at least")], []);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.SignInAsync("New Operator", "twelve chars at least")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.GetAsync("/Admin/Accounts")).StatusCode); // denied

        var id = (await host.Get<IAccountRepository>().FindByNameAsync("New Operator"))!.Id;
        await admin.PostFormAsync("/Admin/Accounts", [("role", "0")], [], target: $"/Admin/Accounts?handler=Role&id={id}");

        Assert.Equal(AccountRole.Viewer, (await host.Get<IAccountRepository>().GetAsync(id))!.Role);
        var afterChange = await operatorClient.GetAsync("/People");
        Assert.Equal(HttpStatusCode.Redirect, afterChange.StatusCode);
        Assert.StartsWith(AuthSetup.SignInPath, afterChange.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LastAdmin_CannotBeDeletedOrDemoted()
    {
        await using var host = await AppHost.StartAsync();
        var name = await host.AddAccountAsync(AccountRole.Admin);
        var id = (await host.Get<IAccountRepository>().FindByNameAsync(name))!.Id;
        var administration = host.Get<AccountAdministration>();

        Assert.Contains("last Admin", await administration.DeleteAsync(id));
        Assert.Contains("last Admin", await administration.SetRoleAsync(id, AccountRole.Viewer));
        Assert.Contains("12 to 256", (await administration.AddAsync("short", AccountRole.Viewer, "short")).Error);
        Assert.Equal(AccountRole.Admin, (await host.Get<IAccountRepository>().GetAsync(id))!.Role);
    }
}
