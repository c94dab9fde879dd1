namespace FaceJobs.Web.Hosting;

/// <summary>Builds a ready-to-run FaceJobs process; Program.cs runs it and tests start it on a loopback port.</summary>
public static class FaceJobsApp
{
    /// <param name="configure">Runs on the builder before the app is built (the tests add a log sink).</param>
    public static async Task<WebApplication> CreateAsync(string[] args, WebApplicationOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name decides where Razor Pages are discovered; name this assembly, not whichever process
        // (dotnet run, a test host) happens to be the entry point.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FaceJobsApp).Assembly.GetName().Name,
            ContentRootPath = options?.ContentRootPath,
            EnvironmentName = options?.EnvironmentName,
        });
        builder.Configuration.AddRepositoryRootSettings();
        var role = builder.AddFaceJobs();
        configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            await app.PrepareStorageAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.UseFaceJobs(role);
        return app;
    }
}
