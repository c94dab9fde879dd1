using FaceJobs.Core.Faces.Landmarks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Faces.Ssd;

public static class SsdFaceServiceCollectionExtensions
{
    /// <summary>
    /// Makes SSD-MobileNetV1 the <see cref="IFaceDetector"/> (faces get keypoints from the 68-point
    /// landmarks) and <see cref="LandmarkFaceAligner"/> the <see cref="IFaceAligner"/>, replacing earlier
    /// registrations of both. Options: sections <c>Faces:Ssd</c> and <c>Faces:Landmarks</c>; model
    /// paths are checked at start.
    /// </summary>
    public static IServiceCollection AddSsdFaceDetection(this IServiceCollection services)
    {
        services.AddOptions<SsdDetectorOptions>().BindConfiguration(SsdDetectorOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => File.Exists(o.ModelPath), $"{SsdDetectorOptions.SectionName}:ModelPath does not name an existing file.")
            .Validate(o => o.TileSizes.All(size => size >= 128), $"{SsdDetectorOptions.SectionName}:TileSizes must be 128 px or more.")
            .ValidateOnStart();
        services.AddOptions<LandmarkOptions>().BindConfiguration(LandmarkOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => File.Exists(o.ModelPath), $"{LandmarkOptions.SectionName}:ModelPath does not name an existing file.")
            .ValidateOnStart();

        services.TryAddSingleton(sp => new SsdMobileNetDetector(sp.GetRequiredService<IOptions<SsdDetectorOptions>>().Value));
        services.TryAddSingleton(sp => new FaceLandmark68Net(sp.GetRequiredService<IOptions<LandmarkOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IFaceDetector>(sp =>
            new LandmarkKeypointDetector(sp.GetRequiredService<SsdMobileNetDetector>(), sp.GetRequiredService<FaceLandmark68Net>())));
        services.Replace(ServiceDescriptor.Singleton<IFaceAligner>(sp =>
            new LandmarkFaceAligner(sp.GetRequiredService<FaceLandmark68Net>(), sp.GetRequiredService<IOptions<LandmarkOptions>>().Value)));
        return services;
    }
}
