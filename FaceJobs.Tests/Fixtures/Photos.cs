namespace FaceJobs.Tests.Fixtures;

/// <summary>The photos the end-to-end tests use, and why each was chosen.</summary>
public static class Photos
{
    public const string WatchedName = "Sheldon Cooper";

    /// <summary>Sheldon, cut out of a group photo of the cast (bbt4.jpg: the man in the green shirt).</summary>
    public static (string FileName, byte[] Content) WatchedReference() =>
        ("sheldon-reference.jpg", TestImages.CropJpeg(TestPaths.Group("bbt4.jpg"), 0.52f, 0.0f, 0.80f, 0.60f));

    /// <summary>Another photo with Sheldon in it (bbt2.jpg: leftmost of six).</summary>
    public static (string FileName, byte[] Content) WithWatchedPerson() => FormClient.FileAt(TestPaths.Group("bbt2.jpg"));

    /// <summary>Three people none of whom is on the watchlist (face-api's sample2.jpg).</summary>
    public static (string FileName, byte[] Content) Strangers() => FormClient.FileAt(TestPaths.Sample(2));
}
