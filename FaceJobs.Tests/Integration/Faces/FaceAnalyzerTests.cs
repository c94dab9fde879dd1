using FaceJobs.Core.Faces;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class FaceAnalyzerTests
{
    [SkippableFact]
    public void DetectFacesThenEmbedFaces_GivesThumbnailsAndDescriptors_WhenRegisteredWithAddFaceJobsVision()
    {
        Skip.IfNot(File.Exists(Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx")), "recognizer model not present");
        using var services = Services(new Dictionary<string, string?>()).BuildServiceProvider();
        var analyzer = services.GetRequiredService<IFaceAnalyzer>();
        using var photo = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(1)));

        var found = analyzer.DetectFaces(photo);
        var descriptors = analyzer.EmbedFaces(photo, found.Select(f => f.Face).ToList());

        Assert.Equal(3, found.Count);
        foreach (var face in found)
        {
            using var thumbnail = Image.Load<Rgb24>(face.ThumbnailJpeg);
            Assert.InRange(Math.Max(thumbnail.Width, thumbnail.Height), 100, 160);
        }

        Assert.Equal(3, descriptors.Count);
        Assert.All(descriptors, d => Assert.Equal(128, d.Length));
        Assert.Same(services.GetRequiredService<IFaceDetector>(), services.GetRequiredService<IFaceDetector>());
    }

    [Fact]
    public void DetectReferenceFaces_RetriesOnAPaddedCanvas_WhileDetectFacesDoesNot_WhenTheFaceFillsTheFrame()
    {
        using var services = Services(new Dictionary<string, string?>()).BuildServiceProvider();
        var analyzer = services.GetRequiredService<IFaceAnalyzer>();
        var detector = services.GetRequiredService<BlazeFaceEnsembleDetector>();
        using var crop = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Identity("amy", 1)));

        var asUpload = analyzer.DetectFaces(crop).Select(f => f.Face.Keypoints).ToList();
        var asReference = analyzer.DetectReferenceFaces(crop).Select(f => f.Face.Keypoints).ToList();

        Assert.Equal(detector.Detect(crop).Select(f => f.Keypoints), asUpload);
        Assert.Equal(new TightCropFaceDetector(detector).Detect(crop).Select(f => f.Keypoints), asReference);
        Assert.NotEqual(asUpload, asReference);
    }

    [SkippableFact]
    public void AddFaceJobsVision_FailsAtStartNamingTheSetting_WhenCudaIsAskedForWhereItCannotRun()
    {
        Skip.If(Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"),
            "this is a GPU build: whether CUDA can run depends on the machine");
        using var services = Services(new Dictionary<string, string?> { ["Faces:ExecutionProvider"] = "Cuda" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains("Faces:ExecutionProvider is Cuda", error.Message);
        Assert.Contains("CPU only", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_FailsNamingTheSetting_WhenModelFileIsMissing()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Faces:DetectorModelPath"] = "models/no_such_detector.onnx",
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains("Faces:DetectorModelPath", error.Message);
        Assert.Contains("no_such_detector.onnx", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_RejectsSettings_WhenScoreThresholdIsOutOfRange()
    {
        using var services = Services(new Dictionary<string, string?> { ["Faces:ScoreThreshold"] = "1.5" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains("ScoreThreshold", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_RejectsSettings_WhenTileSizeIsOutOfRange()
    {
        using var services = Services(new Dictionary<string, string?> { ["Faces:Tiling:TileSize"] = "16" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains("TileSize", error.Message);
    }

    [Fact]
    public void Resolve_FindsTheModelsFolderAboveTheApp_WhenPathIsRelative()
    {
        var resolved = new ModelPathResolver().Resolve("models/blazeface_back_256.onnx");

        Assert.True(File.Exists(resolved), resolved);
        Assert.Equal(Path.Combine(TestPaths.Models, "blazeface_back_256.onnx"), resolved);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFaceJobsVision(configuration);
        return services;
    }
}
