namespace FaceJobs.Web.Hosting;

/// <summary>Builds a ready-to-run FaceJobs process; Program.cs runs it and tests start it on a loopback port.</summary>
public static class FaceJobsApp
{
    public static async Task<WebApplication> CreateAsync(string[] args, WebApplicationOptions? options = null)
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

        var app = builder.Build();
        await app.PrepareStorageAsync();
        app.UseFaceJobs(role);
        return app;
    }
}
