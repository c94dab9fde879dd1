using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Faces;

public static class FaceServiceCollectionExtensions
{
    /// <summary>Registers the vision pipeline (detector, aligner, embedder, analyzer) as singletons, options validated at start.</summary>
    public static IServiceCollection AddFaceJobsVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaceOptions>()
            .Bind(configuration.GetSection(FaceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ModelPathResolver(sp.GetService<IHostEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaceOptions>, FaceOptionsValidator>());
        services.TryAddSingleton<IFaceDetector, BlazeFaceDetector>();
        services.TryAddSingleton<IFaceAligner, SimilarityFaceAligner>();
        services.TryAddSingleton<IFaceEmbedder, OnnxFaceEmbedder>();
        services.TryAddSingleton<IFaceAnalyzer, FaceAnalyzer>();
        return services;
    }
}
