namespace FaceJobs.Testing;

/// <summary>
/// The repository and the photos kept with the tests, found from wherever the tests or a tool run (a clone, CI's
/// fresh clone, <c>dotnet run --project tools/...</c>). The one place that knows the repository's layout.
/// </summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } =
        FindUp(AppContext.BaseDirectory) ?? FindUp(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException($"FaceJobs.sln not found above {AppContext.BaseDirectory} or the working directory.");

    /// <summary>FaceJobs.Tests/TestData: fixtures with their provenance.</summary>
    public static string TestData => Path.Combine(RepositoryRoot, "FaceJobs.Tests", "TestData");

    /// <summary>The face-api.js example photos (TestData/faces, provenance and licence in its README.md).</summary>
    public static string Faces => Path.Combine(TestData, "faces");

    public static string Models => Path.Combine(RepositoryRoot, "models");

    public static string Model(string file) => Path.Combine(Models, file);

    public static string Samples => Path.Combine(TestData, "samples");

    public static string Sample(int number) => Path.Combine(Samples, $"sample{number}.jpg");

    public static string Group(string name) => Path.Combine(Faces, "group", name);

    public static string Identity(string person, int number) => Path.Combine(Faces, "identities", person, $"{person}{number}.png");

    public static string WebProject => Path.Combine(RepositoryRoot, "FaceJobs.Web");

    public static string Docs => Path.Combine(RepositoryRoot, "docs");

    private static string? FindUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FaceJobs.sln")))
                return directory.FullName;
        }

        return null;
    }
}
