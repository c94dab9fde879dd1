using FaceJobs.Core.Faces;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// The upload detector's retry for a photo in which the pyramid finds no face (<c>Faces:ZoomOutWhenNoFace</c>), through
/// the app's own registration and models. The close-up is an identity crop whose face fills the frame.
/// </summary>
public sealed class ZoomOutRetryTests
{
    private static readonly string CloseUp = TestPaths.Identity("leonard", 5);

    [Fact]
    public void Detect_FindsTheOneFace_WhenItFillsThePhoto()
    {
        using var provider = Vision();
        using var image = Image.Load<Rgb24>(CloseUp);

        var faces = provider.GetRequiredService<IFaceDetector>().Detect(image);

        var face = Assert.Single(faces);
        Assert.True(face.Box.Width * face.Box.Height >= 0.5f * image.Width * image.Height, $"{face.Box} in {image.Size()}");
        Assert.True(face.Box.Contains(new PointF(image.Width / 2f, image.Height / 2f)), $"{face.Box} misses the centre");
        Assert.Equal(6, face.Keypoints.Count);
    }

    [Fact]
    public void Detect_FindsNoFace_WhenItFillsThePhotoAndTheRetryIsOff()
    {
        using var provider = Vision(("Faces:ZoomOutWhenNoFace", "1"));
        using var image = Image.Load<Rgb24>(CloseUp);

        Assert.Empty(provider.GetRequiredService<IFaceDetector>().Detect(image));
    }

    [Theory]
    [InlineData("BlazeFaceEnsemble")]
    [InlineData("BlazeFace")]
    [InlineData("BlazeFaceFullRange")]
    public void Detect_FindsNoFace_WhenThePhotoHasNone(string detector)
    {
        using var provider = Vision(("Faces:Detector", detector));
        using var image = Image.Load<Rgb24>(Path.Combine(TestPaths.TestData, "face-mesh", "no-face-192.png"));

        Assert.Empty(provider.GetRequiredService<IFaceDetector>().Detect(image));
    }

    private static ServiceProvider Vision(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Faces:Landmarks:ModelPath"] = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"),
        };
        foreach (var (key, value) in settings)
            values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFaceJobsVision(configuration).BuildServiceProvider();
    }
}
