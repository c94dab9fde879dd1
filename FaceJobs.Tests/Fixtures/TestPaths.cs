namespace FaceJobs.Tests.Fixtures;

/// <summary>Finds the repository and the test photos from wherever the tests run (a clone, or CI's fresh clone).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "FaceJobs.sln")))
        ?? throw new InvalidOperationException("FaceJobs.sln not found above " + AppContext.BaseDirectory);

    /// <summary>TestData copied to the output folder.</summary>
    public static string TestData { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The face-api.js example photos (TestData/faces, provenance and licence in its README.md).</summary>
    public static string Faces { get; } = Path.Combine(TestData, "faces");

    public static string Models => Path.Combine(RepositoryRoot, "models");

    public static string Samples => Path.Combine(RepositoryRoot, "FaceJobs.Tests", "TestData", "samples");

    public static string Sample(int number) => Path.Combine(Samples, $"sample{number}.jpg");

    public static string Group(string name) => Path.Combine(Faces, "group", name);

    public static string Identity(string person, int number) => Path.Combine(Faces, "identities", person, $"{person}{number}.png");

    public static string WebProject => Path.Combine(RepositoryRoot, "FaceJobs.Web");

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (found(directory.FullName))
                return directory.FullName;
        }

        return null;
    }
}
