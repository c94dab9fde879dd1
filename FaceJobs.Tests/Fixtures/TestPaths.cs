namespace FaceJobs.Tests.Fixtures;

/// <summary>Finds the repository and the shared test photos from wherever the tests run (a clone, or CI's fresh clone).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "FaceJobs.sln")))
        ?? throw new InvalidOperationException("FaceJobs.sln not found above " + AppContext.BaseDirectory);

    /// <summary>../shared/testdata/faces beside the checkout; read-only, never copied into the repo.</summary>
    public static string SharedFaces { get; } = FindUp(RepositoryRoot, d => Directory.Exists(Path.Combine(d, "shared", "testdata", "faces"))) is { } parent
        ? Path.Combine(parent, "shared", "testdata", "faces")
        : throw new InvalidOperationException("shared/testdata/faces not found beside the repository " + RepositoryRoot);

    /// <summary>TestData copied to the output folder.</summary>
    public static string TestData { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Models => Path.Combine(RepositoryRoot, "models");

    public static string Samples => Path.Combine(RepositoryRoot, "FaceJobs.Tests", "TestData", "samples");

    public static string Sample(int number) => Path.Combine(Samples, $"sample{number}.jpg");

    public static string Group(string name) => Path.Combine(SharedFaces, "group", name);

    public static string Identity(string person, int number) => Path.Combine(SharedFaces, "identities", person, $"{person}{number}.png");

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
