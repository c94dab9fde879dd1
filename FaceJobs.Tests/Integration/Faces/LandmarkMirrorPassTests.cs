using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>
/// <see cref="LandmarkOptions.MirrorPass"/> on the faces of the landmark reference: the mean of a crop's and its mirror
/// image's points is mirror-symmetric, so a mirrored photo gets the mirrored points (up to the resampling), where one
/// pass alone is not.
/// </summary>
public sealed class LandmarkMirrorPassTests : IDisposable
{
    private static readonly LandmarkReference Reference = LandmarkReference.Load();

    private readonly FaceLandmark68Net _single = new(new LandmarkOptions { ModelPath = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"), MirrorPass = false });
    private readonly FaceLandmark68Net _mirrorPass = new(new LandmarkOptions { ModelPath = Path.Combine(TestPaths.Models, "face_landmark_68.onnx"), MirrorPass = true });

    public static TheoryData<string> Faces() => new(Reference.Faces.Select(f => f.Key));

    [Fact]
    public void MirrorPartner_SwapsEachSideWithTheOther_AndKeepsTheMidline()
    {
        var partner = FaceLandmark68Net.MirrorPartner;

        Assert.All(Enumerable.Range(0, FaceLandmark68Net.PointCount), i => Assert.Equal(i, partner[partner[i]]));
        Assert.Equal([8, 27, 28, 29, 30, 33, 51, 57, 62, 66], Enumerable.Range(0, FaceLandmark68Net.PointCount).Where(i => partner[i] == i));
        Assert.Equal(45, partner[36]); // outer eye corners
        Assert.Equal(54, partner[48]); // mouth corners
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void Locate_WithMirrorPass_GivesTheMirroredPoints_ForTheMirroredPhoto(string key)
    {
        var face = Reference.Faces.Single(f => f.Key == key);
        using var image = Image.Load<Rgb24>(face.FullPath);
        using var mirror = image.Clone(c => c.Flip(FlipMode.Horizontal));
        // An even difference of the sides, so the padded square of the mirrored crop is the mirror of the crop's square
        // (with an odd one the extra padding column stays on the same side and moves the points by about a pixel).
        var width = face.Crop.Width + (Math.Abs(face.Crop.Height - face.Crop.Width) % 2);
        var box = new RectangleF(face.Crop.X, face.Crop.Y, width, face.Crop.Height);
        var mirroredBox = box with { X = image.Width - box.Right };

        var oneWay = Asymmetry(_single, image, mirror, box, mirroredBox);
        var bothWays = Asymmetry(_mirrorPass, image, mirror, box, mirroredBox);

        Assert.True(bothWays <= 0.75, $"{key}: with the mirror pass a point is {bothWays:F2} px from the mirror of its partner");
        Assert.True(bothWays < oneWay / 2, $"{key}: mirror pass {bothWays:F2} px against one pass {oneWay:F2} px");
    }

    [Theory]
    [MemberData(nameof(Faces))]
    public void Locate_WithMirrorPass_StaysOnTheFace_ForReferenceCrop(string key)
    {
        var face = Reference.Faces.Single(f => f.Key == key);
        using var image = Image.Load<Rgb24>(face.FullPath);
        var box = new RectangleF(face.Crop.X, face.Crop.Y, face.Crop.Width, face.Crop.Height);

        var moved = _single.Locate(image, box).Zip(_mirrorPass.Locate(image, box), Distance).Max();

        Assert.True(moved <= 0.08 * face.Crop.Width, $"{key}: the mirror pass moved a point {moved:F1} px in a {face.Crop.Width} px box");
    }

    public void Dispose()
    {
        _single.Dispose();
        _mirrorPass.Dispose();
    }

    // The largest distance between a point found on the photo and the mirror of its partner found on the mirrored photo.
    private static double Asymmetry(FaceLandmark68Net net, Image<Rgb24> image, Image<Rgb24> mirror, RectangleF box, RectangleF mirroredBox)
    {
        var points = net.Locate(image, box);
        var mirrored = net.Locate(mirror, mirroredBox);
        return Enumerable.Range(0, FaceLandmark68Net.PointCount)
            .Max(i => Distance(points[i], new PointF(image.Width - mirrored[FaceLandmark68Net.MirrorPartner[i]].X, mirrored[FaceLandmark68Net.MirrorPartner[i]].Y)));
    }

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
