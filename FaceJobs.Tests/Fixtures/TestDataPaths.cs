namespace FaceJobs.Tests.Fixtures;

/// <summary>Locates the repository and the shared face photos from the test's output folder.</summary>
internal static class TestDataPaths
{
    private const string SharedFacesRelative = "shared/testdata/faces";

    /// <summary>Folder with FaceJobs.sln.</summary>
    public static string RepositoryRoot { get; } = FindUpwards(dir => File.Exists(Path.Combine(dir, "FaceJobs.sln")), "FaceJobs.sln");

    /// <summary>shared/testdata/faces, beside the clone in CI or above the worktree locally.</summary>
    public static string SharedFaces { get; } = Path.Combine(
        FindUpwards(dir => Directory.Exists(Path.Combine(dir, SharedFacesRelative)), SharedFacesRelative),
        SharedFacesRelative);

    /// <summary>TestData copied to the output folder.</summary>
    public static string TestData { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Models => Path.Combine(RepositoryRoot, "models");

    private static string FindUpwards(Func<string, bool> isMatch, string lookingFor)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (isMatch(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {lookingFor}.");
    }
}
