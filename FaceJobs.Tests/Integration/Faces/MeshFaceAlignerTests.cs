using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Core.Faces.Mesh;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>The mesh puts its 68 iBUG points where face-api's landmark net puts its own, on the sample photos' faces.</summary>
public sealed class MeshFaceAlignerTests(FaceMeshFixture mesh, LandmarkNetFixture landmarks, VisionFixture vision)
    : IClassFixture<FaceMeshFixture>, IClassFixture<LandmarkNetFixture>, IClassFixture<VisionFixture>
{
    private const int ChipSize = 150;

    [Fact]
    public void Mesh68_LiesOnTheLandmarkNetsPointsAndCutsTheSameChip_ForTheSamplePhotoFaces()
    {
        var pointDistances = new List<double>();
        var centreShifts = new List<double>();
        var scaleRatios = new List<double>();
        for (var sample = 1; sample <= 6; sample++)
        {
            using var image = Image.Load<Rgb24>(TestPaths.Sample(sample));
            foreach (var face in vision.Detector.Detect(image))
            {
                var points = mesh.Mesh.Locate(image, face.Box, face.Keypoints).Points;
                var fromMesh = MeshFaceAligner.Ibug68.Select(i => points[i]).ToArray();
                var fromNet = landmarks.Net.Locate(image, face.Box);
                var netChip = DlibFaceChip.ChipToImage(fromNet, ChipSize, 0.25);
                var meshChip = DlibFaceChip.ChipToImage(fromMesh, ChipSize, 0.25);

                // In chip pixels of the landmark net's chip, so faces of every size count alike.
                pointDistances.Add(DlibFaceChip.FittedLandmarks.Average(i => Distance(fromMesh[i], fromNet[i])) / netChip.Scale);
                var centre = new PointF(ChipSize / 2f, ChipSize / 2f);
                centreShifts.Add(Distance(netChip.Apply(centre), meshChip.Apply(centre)) / netChip.Scale);
                scaleRatios.Add(meshChip.Scale / netChip.Scale);
            }
        }

        // Two independent nets, trained on different point definitions, agree within a few chip pixels (measured: points
        // median 3.6 px, chip centres median 1.5 px, the mesh's chip 1.04 times as large); a wrong crop, a wrong index
        // table or points left in crop pixels would put them tens of pixels apart.
        Assert.Equal(22, pointDistances.Count);
        Assert.True(Median(pointDistances) < 6, $"median {Median(pointDistances):F2} chip px between mesh and net points");
        Assert.True(Median(centreShifts) < 4, $"median {Median(centreShifts):F2} chip px between the chip centres");
        Assert.InRange(Median(scaleRatios), 0.93, 1.12);
    }

    [Fact]
    public void Locate_FindsTheSamePointsOnARotatedPhoto_BecauseTheCropFollowsTheEyes()
    {
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));
        using var turned = image.Clone(x => x.Rotate(RotateMode.Rotate90));
        var face = vision.Detector.Detect(image).OrderByDescending(f => f.Box.Width).First();
        var turnedFace = vision.Detector.Detect(turned).OrderByDescending(f => f.Box.Width).First();

        var upright = mesh.Mesh.Locate(image, face.Box, face.Keypoints).Points;
        var sideways = mesh.Mesh.Locate(turned, turnedFace.Box, turnedFace.Keypoints).Points;

        // Rotate90 is clockwise: (x, y) in the photo is (height - 1 - y, x) in the turned one. Measured: 4.5 px mean on
        // eyes 106 px apart; with an upright crop of the turned photo (no keypoints) 114 px, the net seeing the face on its side.
        var eyes = Distance(upright[33], upright[263]);
        var moved = upright.Select((p, i) => Distance(new PointF(image.Height - 1 - p.Y, p.X), sideways[i])).Average();
        Assert.True(moved < 0.1 * eyes, $"mean {moved:F2} px between the points found upright and turned (eyes {eyes:F1} px apart)");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
