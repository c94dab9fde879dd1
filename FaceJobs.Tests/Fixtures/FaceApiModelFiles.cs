namespace FaceJobs.Tests.Fixtures;

/// <summary>face-api's tfjs model files from the pinned npm package (tools/models/node_modules).</summary>
public static class FaceApiModelFiles
{
    public static string Directory
    {
        get
        {
            var directory = Path.Combine(TestPaths.RepositoryRoot, "tools", "models", "node_modules", "@vladmandic", "face-api", "model");
            Assert.True(System.IO.Directory.Exists(directory), $"face-api's npm files are missing at {directory}: run `npm ci --prefix tools/models` first.");
            return directory;
        }
    }
}
