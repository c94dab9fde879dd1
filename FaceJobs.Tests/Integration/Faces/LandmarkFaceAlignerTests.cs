using FaceJobs.Core.Faces;
using FaceJobs.Core.Faces.Landmarks;
using FaceJobs.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceJobs.Tests.Integration.Faces;

/// <summary>Chips from the landmark aligner show the face where the dlib fit says it is.</summary>
public sealed class LandmarkFaceAlignerTests(LandmarkNetFixture landmarks, SsdDetectorFixture ssd)
    : IClassFixture<LandmarkNetFixture>, IClassFixture<SsdDetectorFixture>
{
    private const int ChipSize = 150;

    // A wide border, so that the detector's box carried into the chip stays inside it.
    private const double WidePadding = 1.0;

    [Fact]
    public void Align_ShowsTheFittedFace_ForTheSamplePhotoFaces()
    {
        var aligner = new LandmarkFaceAligner(landmarks.Net, new LandmarkOptions { ChipPadding = WidePadding });
        var targets = DlibFaceChip.Targets(ChipSize, WidePadding);
        var moved = new List<double>();
        var fitResiduals = new List<double>();

        for (var sample = 1; sample <= 6; sample++)
        {
            using var image = Image.Load<Rgb24>(TestPaths.Sample(sample));
            foreach (var face in ssd.Detector.Detect(image))
            {
                using var chip = aligner.Align(image, face, ChipSize);
                var original = landmarks.Net.Locate(image, face.Box);
                var imageToChip = DlibFaceChip.ChipToImage(original, ChipSize, WidePadding).Invert();

                // Landmarks found again on the chip, in the detector's box carried into the chip.
                var corners = new[] { face.Box.Location, new PointF(face.Box.Right, face.Box.Top), new PointF(face.Box.Left, face.Box.Bottom), new PointF(face.Box.Right, face.Box.Bottom) }
                    .Select(imageToChip.Apply).ToArray();
                var chipBox = RectangleF.FromLTRB(corners.Min(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.X), corners.Max(p => p.Y));
                var found = landmarks.Net.Locate(chip, chipBox);

                moved.Add(found.Select((p, i) => Distance(p, imageToChip.Apply(original[i]))).Average());
                fitResiduals.Add(DlibFaceChip.FittedLandmarks.Select((index, i) => Distance(imageToChip.Apply(original[index]), targets[i])).Average());
            }
        }

        // The net sees the axis-aligned box of a rotated box on the chip, so strongly tilted faces
        // (2 of 22, measured 4.6 and 6.6 px) move more; the typical face moves about 1 px. The fit
        // residual (measured at most 4.8 px on this 150 px chip) says the 68 points form a face at all.
        Assert.Equal(22, moved.Count);
        Assert.True(Median(moved) < 2, $"median {Median(moved):F2} px between chip landmarks and mapped photo landmarks");
        Assert.True(moved.Max() < 8, $"worst face {moved.Max():F2} px between chip landmarks and mapped photo landmarks");
        Assert.True(fitResiduals.Max() < 6, $"worst face {fitResiduals.Max():F2} px from dlib's mean face after the fit");
    }

    [Fact]
    public void Align_GivesTheChipOfTheRawBox_WhenGivenItsCalibratedBox()
    {
        var raw = new LandmarkFaceAligner(landmarks.Net, landmarks.Options);
        var calibration = new FaceOptions().BoxCalibration;
        var calibrated = new LandmarkFaceAligner(landmarks.Net, landmarks.Options, calibration);
        using var image = Image.Load<Rgb24>(TestPaths.Sample(4));
        var faces = ssd.Detector.Detect(image);

        Assert.NotEmpty(faces);
        foreach (var face in faces)
        {
            using var expected = raw.Align(image, face, ChipSize);
            using var actual = calibrated.Align(image, face with { Box = calibration.Apply(face.Box) }, ChipSize);
            using var uncorrected = raw.Align(image, face with { Box = calibration.Apply(face.Box) }, ChipSize);

            Assert.Equal(0, MaxDifference(expected, actual));
            Assert.True(MaxDifference(expected, uncorrected) > 0, "the calibrated box should move the landmark crop");
        }
    }

    private static int MaxDifference(Image<Rgb24> a, Image<Rgb24> b)
    {
        var max = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var (p, q) = (a[x, y], b[x, y]);
                max = Math.Max(max, Math.Max(Math.Abs(p.R - q.R), Math.Max(Math.Abs(p.G - q.G), Math.Abs(p.B - q.B))));
            }
        }

        return max;
    }

    [Fact]
    public void FivePointFit_CutsNearlyTheSameChipAsThe68PointFit_ForTheSamplePhotoFaces()
    {
        var shifts = new List<double>();
        var scaleRatios = new List<double>();
        for (var sample = 1; sample <= 6; sample++)
        {
            using var image = Image.Load<Rgb24>(TestPaths.Sample(sample));
            foreach (var face in ssd.Detector.Detect(image))
            {
                var points = landmarks.Net.Locate(image, face.Box);
                var full = DlibFaceChip.ChipToImage(points, ChipSize, 0.25);
                var five = DlibFaceChip.ChipToImageFromFivePoints(points, ChipSize, 0.25);

                // Where the chip centre falls in the photo, in chip pixels of the 68-point chip.
                var centre = new PointF(ChipSize / 2f, ChipSize / 2f);
                shifts.Add(Distance(full.Apply(centre), five.Apply(centre)) / full.Scale);
                scaleRatios.Add(five.Scale / full.Scale);
            }
        }

        // Both put the same face in the chip; the five points leave out the mouth, so the chips differ a little (the
        // worst face, strongly turned, measured a 1.17 times larger chip).
        Assert.Equal(22, shifts.Count);
        Assert.True(Median(shifts) < 4, $"median {Median(shifts):F2} px between the chip centres");
        Assert.InRange(Median(scaleRatios), 0.93, 1.07);
        Assert.All(scaleRatios, r => Assert.InRange(r, 0.8, 1.25));
    }

    [Fact]
    public void Align_Throws_WhenBoxLiesOutsideImage()
    {
        using var image = new Image<Rgb24>(100, 100);
        var aligner = new LandmarkFaceAligner(landmarks.Net, landmarks.Options);

        Assert.Throws<ArgumentException>(() => aligner.Align(image, new DetectedFace(new RectangleF(200, 200, 50, 50), 1, []), ChipSize));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
