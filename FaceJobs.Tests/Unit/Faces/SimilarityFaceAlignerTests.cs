using System.Numerics;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Alignment;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit;

namespace FaceJobs.Tests.Unit.Faces;

public sealed class SimilarityFaceAlignerTests
{
    [Fact]
    public void Align_PutsEachKeypointOnTheMeanFace_WhenFaceIsRotatedAndScaled()
    {
        const int chipSize = 150;
        var targets = DlibMeanFace.ChipPoints(chipSize);
        // The mean face turned by 20°, scaled 2.5× and moved into a larger image.
        var imageToChip = Matrix3x2.CreateRotation(0.35f) * Matrix3x2.CreateScale(2.5f) * Matrix3x2.CreateTranslation(300, 200);
        var keypoints = targets.Select(p => (PointF)Vector2.Transform(p, imageToChip)).ToList();
        keypoints.AddRange([keypoints[0], keypoints[1]]);
        using var image = new Image<Rgb24>(900, 900, new Rgb24(255, 255, 255));
        var marked = (int)FaceKeypoint.NoseTip;
        FillSquare(image, keypoints[marked], 6);
        var face = new DetectedFace(new RectangleF(100, 100, 300, 300), 1, keypoints);

        using var chip = new SimilarityFaceAligner().Align(image, face, chipSize);

        var centroid = DarkCentroid(chip);
        Assert.True(Vector2.Distance(centroid, targets[marked]) < 1.0f, $"dot at {centroid}, expected {targets[marked]}");
    }

    [Fact]
    public void Align_GivesTheSameChip_WhenTheFaceIsInALargePhotoOrInACropOfIt()
    {
        using var photo = Image.Load<Rgb24>(TestPaths.Sample(1));
        var chipToPhoto = Matrix3x2.CreateRotation(0.2f) * Matrix3x2.CreateScale(1.3f) * Matrix3x2.CreateTranslation(420, 400);
        var keypoints = DlibMeanFace.ChipPoints(150).Select(p => (PointF)Vector2.Transform(p, chipToPhoto)).ToArray();
        var crop = new Rectangle(300, 300, 400, 400);
        using var cropped = photo.Clone(x => x.Crop(crop));
        var shifted = keypoints.Select(p => new PointF(p.X - crop.X, p.Y - crop.Y)).ToArray();
        var aligner = new SimilarityFaceAligner();

        using var fromPhoto = aligner.Align(photo, new DetectedFace(RectangleF.Empty, 1, [.. keypoints, .. keypoints[..2]]), 150);
        using var fromCrop = aligner.Align(cropped, new DetectedFace(RectangleF.Empty, 1, [.. shifted, .. shifted[..2]]), 150);

        double difference = 0;
        for (var y = 0; y < 150; y++)
        {
            for (var x = 0; x < 150; x++)
            {
                difference += Math.Abs(fromPhoto[x, y].G - fromCrop[x, y].G);
            }
        }

        Assert.InRange(difference / (150 * 150), 0, 1.0);
    }

    private static void FillSquare(Image<Rgb24> image, PointF centre, int half)
    {
        for (var y = (int)centre.Y - half; y <= (int)centre.Y + half; y++)
        {
            for (var x = (int)centre.X - half; x <= (int)centre.X + half; x++)
            {
                image[x, y] = new Rgb24(0, 0, 0);
            }
        }
    }

    private static Vector2 DarkCentroid(Image<Rgb24> image)
    {
        double sumX = 0, sumY = 0, weight = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var darkness = 255 - image[x, y].R;
                sumX += x * darkness;
                sumY += y * darkness;
                weight += darkness;
            }
        }

        return new Vector2((float)(sumX / weight), (float)(sumY / weight));
    }
}
