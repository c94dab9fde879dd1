using System.Diagnostics;
using FaceJobs.Core.Data;
using FaceJobs.Web.Accounts;
using Microsoft.Playwright;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Sign-in for what only the tests drive: a browser page, and an app in another process (through its command).</summary>
public static class TestSignIn
{
    /// <summary>Signs a browser page in through the sign-in form.</summary>
    public static async Task<string> SignInAsync(this IPage page, AppHost host, AccountRole role = AccountRole.Operator)
    {
        var name = await host.AddAccountAsync(role);
        await page.GotoAsync(new Uri(host.BaseAddress, AuthSetup.SignInPath).ToString());
        await page.FillAsync("input[name=Name]", name);
        await page.FillAsync("input[name=Password]", SignIn.Password);
        await page.ClickAsync("form.sign-in button[type=submit]");
        await page.Locator("#signed-in-as").WaitForAsync();
        return name;
    }

    /// <summary>A client of a separate app process, signed in with an account made by its <c>accounts add</c> command.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this AppProcess app, AccountRole role = AccountRole.Operator)
    {
        var name = SignIn.NewName(role);
        await RunAccountsAddAsync(app.Settings, name, role);
        return await SignIn.SignedInAsync(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress }, name);
    }

    /// <summary>Runs <c>dotnet FaceJobs.Web.dll accounts add</c> with the password on standard input; returns its output.</summary>
    public static async Task<string> RunAccountsAddAsync(IReadOnlyDictionary<string, string> settings, string name, AccountRole role, string password = SignIn.Password)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { AppProcess.WebDll, "accounts", "add", "--name", name, "--role", role.ToString() })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment.Remove(AccountsCommand.PasswordVariable);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"accounts add exited with {process.ExitCode}: {error}");
        return output;
    }
}
