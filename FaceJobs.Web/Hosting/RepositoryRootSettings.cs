using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace FaceJobs.Web.Hosting;

public static class RepositoryRootSettings
{
    /// <summary>
    /// The base appsettings.json sits at the repository root and is copied beside the binaries; load it where the
    /// host would have loaded a project-level appsettings.json, so environment files, environment variables and the
    /// command line still override it.
    /// </summary>
    public static void AddRepositoryRootSettings(this ConfigurationManager configuration)
    {
        IConfigurationBuilder builder = configuration;
        var index = builder.Sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        builder.Sources.Insert(index < 0 ? 0 : index, source);
    }
}
