namespace FaceJobs.Accuracy;

/// <summary>The repository and the shared test photos, found by walking up from the working directory.</summary>
internal static class Paths
{
    public static string Repository { get; } = FindUp(Directory.GetCurrentDirectory(), d => File.Exists(Path.Combine(d, "FaceJobs.sln")))
        ?? throw new InvalidOperationException("Run from inside the FaceJobs repository.");

    public static string SharedFaces { get; } = FindUp(Repository, d => Directory.Exists(Path.Combine(d, "shared", "testdata", "faces"))) is { } parent
        ? Path.Combine(parent, "shared", "testdata", "faces")
        : throw new InvalidOperationException("shared/testdata/faces not found beside the repository.");

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
