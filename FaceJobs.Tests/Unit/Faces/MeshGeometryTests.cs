using FaceJobs.Core.Faces.Mesh;
using SixLabors.ImageSharp;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class MeshGeometryTests
{
    [Fact]
    public void Ibug68_NamesSixtyEightDistinctMeshPoints()
    {
        Assert.Equal(68, MeshFaceAligner.Ibug68.Count);
        Assert.Equal(68, MeshFaceAligner.Ibug68.Distinct().Count());
        Assert.All(MeshFaceAligner.Ibug68, i => Assert.InRange(i, 0, FaceMeshNet.PointCount - 1));
    }

    [Fact]
    public void CropToImage_CentresTheCropOnTheBoxAndLevelsTheEyes()
    {
        var box = new RectangleF(100, 200, 80, 60);
        PointF[] keypoints = [new(120, 220), new(160, 260)]; // eyes 45° down to the left eye
        var cropToImage = FaceMeshNet.CropToImage(box, keypoints, cropScale: 1.5, inputSize: 192);

        var centre = cropToImage.Apply(new PointF(95.5f, 95.5f));
        var right = cropToImage.Apply(new PointF(191.5f, 95.5f));
        Assert.Equal(140, centre.X, 3);
        Assert.Equal(230, centre.Y, 3);
        Assert.Equal(1.5 * 80 / 192, cropToImage.Scale, 6);
        // The crop's x axis runs along the eye line.
        Assert.Equal(right.X - centre.X, right.Y - centre.Y, 3);
    }
}
