namespace FaceJobs.Accuracy;

/// <summary>The repository and its test photos, found by walking up from the working directory.</summary>
internal static class Paths
{
    public static string Repository { get; } = FindUp(Directory.GetCurrentDirectory(), d => File.Exists(Path.Combine(d, "FaceJobs.sln")))
        ?? throw new InvalidOperationException("Run from inside the FaceJobs repository.");

    /// <summary>The face-api.js example photos kept with the tests (FaceJobs.Tests/TestData/faces).</summary>
    public static string Faces => Path.Combine(Repository, "FaceJobs.Tests", "TestData", "faces");

    public static string Model(string file) => Path.Combine(Repository, "models", file);

    public static string Sample(int number) => Path.Combine(Repository, "FaceJobs.Tests", "TestData", "samples", $"sample{number}.jpg");

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (found(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
