namespace FaceJobs.Tests.Fixtures;

/// <summary>The photos the end-to-end tests use, and why each was chosen.</summary>
public static class Photos
{
    public const string WatchedName = "Sheldon Cooper";

    /// <summary>Sheldon, cut out of a group photo of the cast (bbt4.jpg: front row, right, in a grey suit).</summary>
    public static (string FileName, byte[] Content) WatchedReference() =>
        ("sheldon-reference.jpg", TestImages.CropJpeg(TestPaths.Group("bbt4.jpg"), 0.58f, 0.25f, 0.88f, 0.80f));

    /// <summary>Another photo with Sheldon in it (bbt3.jpg: leftmost of six; BlazeFace finds five of the six faces).</summary>
    public static (string FileName, byte[] Content) WithWatchedPerson() => FormClient.FileAt(TestPaths.Group("bbt3.jpg"));

    public const int FacesFoundWithWatchedPerson = 5;

    /// <summary>
    /// Sheldon alone, cut from bbt3.jpg (118 × 191 px), with <paramref name="number"/> written in so each is a new upload:
    /// one face and one match at a fraction of the group photo's inference, for tests that need many photos.
    /// </summary>
    public static byte[] SmallWithWatchedPerson(int number) => TestImages.DistinctCropJpeg(TestPaths.Group("bbt3.jpg"), 0, 0, 0.2f, 0.5f, number);

    /// <summary>A patch of bbt3.jpg between the people (118 × 77 px) with no face in it, numbered as above.</summary>
    public static byte[] SmallWithoutFaces(int number) => TestImages.DistinctCropJpeg(TestPaths.Group("bbt3.jpg"), 0.5f, 0.5f, 0.7f, 0.7f, number);

    /// <summary>Three people none of whom is on the watchlist (face-api's sample2.jpg).</summary>
    public static (string FileName, byte[] Content) Strangers() => FormClient.FileAt(TestPaths.Sample(2));
}
