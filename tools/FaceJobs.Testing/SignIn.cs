using System.Net;
using FaceJobs.Core.Data;
using FaceJobs.Web.Accounts;

namespace FaceJobs.Testing;

/// <summary>
/// Tests and benchmarks sign in like a person: an account made through the app's own account administration (the
/// code behind the <c>accounts add</c> command and the Admin page), then the sign-in form posted with its
/// antiforgery token; the client keeps the session cookie.
/// </summary>
public static class SignIn
{
    public const string Password = "correct horse battery staple";

    private static int _accounts;

    public static string NewName(AccountRole role) => $"{role.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _accounts)}";

    public static async Task<string> AddAccountAsync(this AppHost host, AccountRole role, string? name = null)
    {
        name ??= NewName(role);
        var (_, error) = await host.Get<AccountAdministration>().AddAsync(name, role, Password);
        return error is null ? name : throw new InvalidOperationException(error);
    }

    /// <summary>Posts the sign-in form.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string name, string password = Password) =>
        client.PostFormAsync(AuthSetup.SignInPath, [("Name", name), ("Password", password)], []);

    public static async Task<HttpClient> CreateSignedInClientAsync(this AppHost host, AccountRole role = AccountRole.Operator) =>
        await SignedInAsync(host.CreateClient(), await host.AddAccountAsync(role));

    /// <summary>Signs <paramref name="client"/> in as <paramref name="name"/>, failing loudly when the app refuses.</summary>
    public static async Task<HttpClient> SignedInAsync(HttpClient client, string name, string password = Password)
    {
        using var response = await client.SignInAsync(name, password);
        return response.StatusCode == HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"Sign-in as {name} answered {(int)response.StatusCode}.");
    }
}
