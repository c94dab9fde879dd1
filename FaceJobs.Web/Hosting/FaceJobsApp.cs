namespace FaceJobs.Web.Hosting;

/// <summary>Builds a ready-to-run FaceJobs process; Program.cs runs it and tests start it on a loopback port.</summary>
public static class FaceJobsApp
{
    public static async Task<WebApplication> CreateAsync(string[] args, WebApplicationOptions? options = null)
    {
        var builder = WebApplication.CreateBuilder(options ?? new WebApplicationOptions { Args = args });
        builder.Configuration.AddRepositoryRootSettings();
        var role = builder.AddFaceJobs();

        var app = builder.Build();
        await app.PrepareStorageAsync();
        app.UseFaceJobs(role);
        return app;
    }
}
