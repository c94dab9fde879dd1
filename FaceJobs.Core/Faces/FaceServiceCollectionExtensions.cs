using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Core.Faces.Mesh;
using FaceJobs.Core.Faces.Ssd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Faces;

public static class FaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the vision pipeline (detector, aligner, embedder, analyzer) as singletons, as chosen by
    /// <c>Faces:Detector</c>, <c>Faces:Aligner</c>, <c>Faces:MirrorAveraging</c> and <c>Faces:Jitters</c>; options and model files are
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddFaceJobsVision(this IServiceCollection services, IConfiguration configuration)
    {
        var choice = configuration.GetSection(FaceOptions.SectionName).Get<FaceOptions>() ?? new FaceOptions();
        services.AddOptions<FaceOptions>()
            .Bind(configuration.GetSection(FaceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ModelPathResolver(sp.GetService<IHostEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaceOptions>, FaceOptionsValidator>());

        var landmarkAligner = choice.Aligner is FaceAlignerKind.Landmarks68 or FaceAlignerKind.Landmarks5;
        if (choice.Detector == FaceDetectorKind.Ssd || landmarkAligner)
            services.AddLandmarkModels(configuration, needSsd: choice.Detector == FaceDetectorKind.Ssd);

        if (choice.Detector == FaceDetectorKind.Ssd)
        {
            services.TryAddSingleton<IFaceDetector>(sp => new DownscalingFaceDetector(
                new LandmarkKeypointDetector(sp.GetRequiredService<SsdMobileNetDetector>(), sp.GetRequiredService<FaceLandmark68Net>()),
                choice.MaxDetectionSide));
            services.TryAddKeyedSingleton<IFaceDetector>(FaceAnalyzer.ReferenceDetectorKey, (sp, _) => sp.GetRequiredService<IFaceDetector>());
        }
        else if (choice.Detector == FaceDetectorKind.BlazeFaceFullRange)
        {
            services.TryAddSingleton<BlazeFaceFullRangeDetector>();
            services.TryAddSingleton<IFaceDetector>(sp => new DownscalingFaceDetector(sp.GetRequiredService<BlazeFaceFullRangeDetector>(), choice.MaxDetectionSide));
            services.TryAddKeyedSingleton<IFaceDetector>(FaceAnalyzer.ReferenceDetectorKey, (sp, _) => new DownscalingFaceDetector(
                new TightCropFaceDetector(sp.GetRequiredService<BlazeFaceFullRangeDetector>()), choice.MaxDetectionSide));
        }
        else if (choice.Detector == FaceDetectorKind.BlazeFaceEnsemble)
        {
            services.TryAddSingleton<BlazeFaceDetector>();
            services.TryAddSingleton<BlazeFaceFullRangeDetector>();
            services.TryAddSingleton(sp => new BlazeFaceEnsembleDetector(
                sp.GetRequiredService<BlazeFaceDetector>(), sp.GetRequiredService<BlazeFaceFullRangeDetector>(),
                sp.GetRequiredService<IOptions<FaceOptions>>().Value.Ensemble));
            services.TryAddSingleton<IFaceDetector>(sp => new DownscalingFaceDetector(sp.GetRequiredService<BlazeFaceEnsembleDetector>(), choice.MaxDetectionSide));
            services.TryAddKeyedSingleton<IFaceDetector>(FaceAnalyzer.ReferenceDetectorKey, (sp, _) => new DownscalingFaceDetector(
                new TightCropFaceDetector(sp.GetRequiredService<BlazeFaceEnsembleDetector>()), choice.MaxDetectionSide));
        }
        else
        {
            // The padded-canvas retry is for tight reference crops only: on an upload without a face it would run tiled
            // detection again on nine times the pixels for nothing.
            services.TryAddSingleton<BlazeFaceDetector>();
            services.TryAddSingleton<IFaceDetector>(sp => new DownscalingFaceDetector(sp.GetRequiredService<BlazeFaceDetector>(), choice.MaxDetectionSide));
            services.TryAddKeyedSingleton<IFaceDetector>(FaceAnalyzer.ReferenceDetectorKey, (sp, _) => new DownscalingFaceDetector(
                new TightCropFaceDetector(sp.GetRequiredService<BlazeFaceDetector>()), choice.MaxDetectionSide));
        }

        if (choice.Aligner == FaceAlignerKind.Mesh)
        {
            services.AddFaceMesh(configuration);
            services.TryAddSingleton<IFaceAligner>(sp => new MeshFaceAligner(
                sp.GetRequiredService<FaceMeshNet>(), sp.GetRequiredService<IOptions<FaceMeshOptions>>().Value,
                sp.GetRequiredService<IOptions<FaceOptions>>().Value.DetectorBoxCalibration()));
        }
        else if (landmarkAligner)
        {
            services.TryAddSingleton<IFaceAligner>(sp => new LandmarkFaceAligner(
                sp.GetRequiredService<FaceLandmark68Net>(), sp.GetRequiredService<IOptions<LandmarkOptions>>().Value,
                sp.GetRequiredService<IOptions<FaceOptions>>().Value.DetectorBoxCalibration(),
                fivePoints: choice.Aligner == FaceAlignerKind.Landmarks5));
        }
        else
        {
            services.TryAddSingleton<IFaceAligner, SimilarityFaceAligner>();
        }

        services.TryAddSingleton<OnnxFaceEmbedder>();
        services.TryAddSingleton<IFaceEmbedder>(sp =>
        {
            IFaceEmbedder embedder = sp.GetRequiredService<OnnxFaceEmbedder>();
            if (choice.MirrorAveraging)
                embedder = new MirrorAveragingEmbedder(embedder);
            return choice.Jitters > 0 ? new JitteringEmbedder(embedder, choice.Jitters) : embedder;
        });
        services.TryAddSingleton<IFaceAnalyzer, FaceAnalyzer>();
        return services;
    }

    private static void AddFaceMesh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelFileOptions<FaceMeshOptions>(configuration, FaceMeshOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(sp => new FaceMeshNet(sp.GetRequiredService<IOptions<FaceMeshOptions>>().Value));
    }

    /// <summary>The 68-point landmark net and, when asked, the SSD detector, with model paths resolved like the others.</summary>
    private static void AddLandmarkModels(this IServiceCollection services, IConfiguration configuration, bool needSsd)
    {
        services.AddModelFileOptions<LandmarkOptions>(configuration, LandmarkOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(sp => new FaceLandmark68Net(sp.GetRequiredService<IOptions<LandmarkOptions>>().Value));
        if (!needSsd)
            return;

        services.AddModelFileOptions<SsdDetectorOptions>(configuration, SsdDetectorOptions.SectionName)
            .Validate(o => o.TileSizes.All(size => size >= 128), $"{SsdDetectorOptions.SectionName}:TileSizes must be 128 px or more.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new SsdMobileNetDetector(sp.GetRequiredService<IOptions<SsdDetectorOptions>>().Value));
    }

    /// <summary>
    /// Binds a secondary model's options from <paramref name="sectionName"/>, resolves its file like the main models',
    /// copies <c>Faces:IntraOpThreads</c> and <c>Faces:ExecutionProvider</c>, and checks that the file exists.
    /// </summary>
    private static OptionsBuilder<T> AddModelFileOptions<T>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where T : class, IModelFileOptions =>
        services.AddOptions<T>().Bind(configuration.GetSection(sectionName)).ValidateDataAnnotations()
            .PostConfigure<ModelPathResolver, IOptions<FaceOptions>>((o, resolver, faces) =>
            {
                o.ModelPath = resolver.Resolve(o.ModelPath);
                o.IntraOpThreads = faces.Value.IntraOpThreads;
                o.ExecutionProvider = faces.Value.ExecutionProvider;
            })
            .Validate(o => File.Exists(o.ModelPath), $"{sectionName}:ModelPath does not name an existing file.");
}
