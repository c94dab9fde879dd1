using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Core.Faces.Mesh;
using FaceJobs.Core.Faces.Ssd;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

public sealed class VisionRegistrationTests
{
    [Fact]
    public void AddFaceJobsVision_ResolvesSsdWithLandmarkAligner_WhenChosen()
    {
        using var provider = Provider(Path.Combine(TestPaths.Models, "ssd_mobilenetv1_face_detector.onnx"));
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));

        var faces = provider.GetRequiredService<IFaceDetector>().Detect(image);
        using var chip = provider.GetRequiredService<IFaceAligner>().Align(image, faces[0], 150);

        Assert.IsType<DownscalingFaceDetector>(provider.GetRequiredService<IFaceDetector>());
        Assert.IsType<LandmarkFaceAligner>(provider.GetRequiredService<IFaceAligner>());
        Assert.IsType<JitteringEmbedder>(provider.GetRequiredService<IFaceEmbedder>()); // Faces:Jitters defaults to 3
        Assert.Equal(4, faces.Count);
        Assert.All(faces, f => Assert.Equal(6, f.Keypoints.Count));
        Assert.Equal(150, chip.Width);
    }

    [Fact]
    public void AddFaceJobsVision_ResolvesFivePointFitAndJittering_WhenChosen()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Faces:Aligner"] = "Landmarks5",
            ["Faces:Jitters"] = "3",
            ["Faces:DetectorModelPath"] = Path.Combine(TestPaths.Models, "blazeface_back_256.onnx"),
            ["Faces:RecognizerModelPath"] = Path.Combine(TestPaths.Models, "dlib_resnet_face_descriptor.onnx"),
            ["Faces:Landmarks:ModelPath"] = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"),
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddFaceJobsVision(configuration).BuildServiceProvider();
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));

        var face = provider.GetRequiredService<IFaceDetector>().Detect(image)[0];
        using var chip = provider.GetRequiredService<IFaceAligner>().Align(image, face, 150);
        var descriptor = provider.GetRequiredService<IFaceEmbedder>().Embed([chip])[0];

        Assert.IsType<LandmarkFaceAligner>(provider.GetRequiredService<IFaceAligner>());
        Assert.IsType<JitteringEmbedder>(provider.GetRequiredService<IFaceEmbedder>());
        Assert.Equal(128, descriptor.Length);
    }

    [Fact]
    public void AddFaceJobsVision_ResolvesTheMeshAligner_WhenChosen()
    {
        using var provider = MeshProvider(Path.Combine(TestPaths.Models, "face_mesh_192.onnx"));
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));

        var face = provider.GetRequiredService<IFaceDetector>().Detect(image)[0];
        using var chip = provider.GetRequiredService<IFaceAligner>().Align(image, face, 150);
        var descriptor = provider.GetRequiredService<IFaceEmbedder>().Embed([chip])[0];

        Assert.IsType<MeshFaceAligner>(provider.GetRequiredService<IFaceAligner>());
        Assert.Equal(128, descriptor.Length);
    }

    [Fact]
    public void AddFaceJobsVision_FailsValidation_WhenMeshModelFileIsMissing()
    {
        using var provider = MeshProvider(Path.Combine(TestPaths.Models, "missing.onnx"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FaceMeshOptions>>().Value);
        Assert.Contains("Faces:Mesh:ModelPath", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_FailsValidation_WhenSsdModelFileIsMissing()
    {
        using var provider = Provider(Path.Combine(TestPaths.Models, "missing.onnx"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SsdDetectorOptions>>().Value);

        Assert.Contains("Faces:Ssd:ModelPath", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_FailsValidation_WhenLandmarkModelFileIsMissing()
    {
        using var provider = Provider(Path.Combine(TestPaths.Models, "ssd_mobilenetv1_face_detector.onnx"),
            ("Faces:Landmarks:ModelPath", Path.Combine(TestPaths.Models, "missing.onnx")));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LandmarkOptions>>().Value);

        Assert.Contains("Faces:Landmarks:ModelPath", error.Message);
    }

    [Fact]
    public void AddFaceJobsVision_GivesEverySecondaryModelTheFacesThreadsAndProvider_WhenFacesSetsThem()
    {
        using var provider = Provider(Path.Combine(TestPaths.Models, "ssd_mobilenetv1_face_detector.onnx"),
            ("Faces:IntraOpThreads", "3"), ("Faces:Landmarks:IntraOpThreads", "1"), ("Faces:Ssd:ExecutionProvider", "Cuda"));
        using var mesh = MeshProvider(Path.Combine(TestPaths.Models, "face_mesh_192.onnx"), ("Faces:IntraOpThreads", "2"));

        IModelFileOptions[] options =
        [
            provider.GetRequiredService<IOptions<LandmarkOptions>>().Value,
            provider.GetRequiredService<IOptions<SsdDetectorOptions>>().Value,
        ];

        Assert.All(options, o => Assert.Equal((3, FaceExecutionProvider.Cpu), (o.IntraOpThreads, o.ExecutionProvider)));
        Assert.Equal(2, mesh.GetRequiredService<IOptions<FaceMeshOptions>>().Value.IntraOpThreads);
    }

    [Fact]
    public void AddFaceJobsVision_ResolvesFullRangeDetectorThatFindsTheBackModelsFaces_WhenChosen()
    {
        using var provider = FullRangeProvider(Path.Combine(TestPaths.Models, "blazeface_full_range_192.onnx"));
        using var back = new BlazeFaceDetector(Path.Combine(TestPaths.Models, "blazeface_back_256.onnx"), new FaceOptions());
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));

        var faces = provider.GetRequiredService<IFaceDetector>().Detect(image);

        Assert.IsType<DownscalingFaceDetector>(provider.GetRequiredService<IFaceDetector>());
        Assert.NotNull(provider.GetRequiredService<BlazeFaceFullRangeDetector>());
        var expected = back.Detect(image);
        Assert.Equal(4, expected.Count);
        Assert.All(expected, e => Assert.Contains(faces, f => IntersectionOverUnion(e.Box, f.Box) >= 0.3f));
        Assert.All(faces, f => Assert.Equal(6, f.Keypoints.Count));
    }

    [Theory]
    [MemberData(nameof(BlazeFaceDetectorTests.SampleFaceCounts), MemberType = typeof(BlazeFaceDetectorTests))]
    public void AddFaceJobsVision_ResolvesTheEnsembleThatFindsEverySampleFaceAndNothingElse_ByDefault(int sample, int expectedFaces)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Faces:Landmarks:ModelPath"] = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"),
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFaceJobsVision(configuration).BuildServiceProvider();
        using var image = FaceAnalyzer.DecodeUpright(File.ReadAllBytes(TestPaths.Sample(sample)));

        var faces = provider.GetRequiredService<IFaceDetector>().Detect(image);

        Assert.Equal(FaceDetectorKind.BlazeFaceEnsemble, provider.GetRequiredService<IOptions<FaceOptions>>().Value.Detector);
        Assert.NotNull(provider.GetRequiredService<BlazeFaceEnsembleDetector>());
        Assert.True(expectedFaces == faces.Count, string.Join("; ", faces.Select(f => $"{f.Score:F2} {f.Box}")));
        Assert.All(faces, f => Assert.Equal(6, f.Keypoints.Count));
        Assert.Equal(faces.OrderByDescending(f => f.Score), faces);
    }

    private static float IntersectionOverUnion(RectangleF a, RectangleF b)
    {
        var overlap = RectangleF.Intersect(a, b);
        var intersection = overlap.Width * overlap.Height;
        return intersection <= 0 ? 0 : intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }

    [Fact]
    public void AddFaceJobsVision_FailsValidation_WhenFullRangeModelFileIsMissing()
    {
        using var provider = FullRangeProvider(Path.Combine(TestPaths.Models, "missing.onnx"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FaceOptions>>().Value);

        Assert.Contains("Faces:FullRange:ModelPath", error.Message);
    }

    private static ServiceProvider FullRangeProvider(string modelPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Faces:Detector"] = "BlazeFaceFullRange",
            ["Faces:FullRange:ModelPath"] = modelPath,
            ["Faces:Landmarks:ModelPath"] = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        return services.AddFaceJobsVision(configuration).BuildServiceProvider();
    }

    private static ServiceProvider MeshProvider(string meshModelPath, params (string Key, string Value)[] more)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Faces:Aligner"] = "Mesh",
            ["Faces:Mesh:ModelPath"] = meshModelPath,
        }).AddInMemoryCollection(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFaceJobsVision(configuration).BuildServiceProvider();
    }

    private static ServiceProvider Provider(string ssdModelPath, params (string Key, string Value)[] more)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Faces:Detector"] = "Ssd",
            ["Faces:Aligner"] = "Landmarks68",
            ["Faces:MirrorAveraging"] = "true",
            ["Faces:Ssd:ModelPath"] = ssdModelPath,
            ["Faces:Landmarks:ModelPath"] = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"),
        }).AddInMemoryCollection(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        return services.AddFaceJobsVision(configuration).BuildServiceProvider();
    }
}
