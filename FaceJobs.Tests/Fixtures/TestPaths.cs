namespace FaceJobs.Tests.Fixtures;

/// <summary>Locates repository files and the shared test photos by walking up from the test binaries.</summary>
public static class TestPaths
{
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

    public static string Sample(int number) => Path.Combine(Samples, $"sample{number}.jpg");

    /// <summary>The repository's models folder (holds blazeface_back_256.onnx).</summary>
    public static string Models => FindUp("models/blazeface_back_256.onnx") is { } file
        ? Path.GetDirectoryName(file)!
        : throw new DirectoryNotFoundException("No models/blazeface_back_256.onnx above " + AppContext.BaseDirectory);

    /// <summary>shared/testdata/faces, beside the clone in CI; null when absent.</summary>
    public static string? SharedFaces => FindUp("shared/testdata/faces", directory: true);

    private static string? FindUp(string relative, bool directory = false)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (directory ? Directory.Exists(candidate) : File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
