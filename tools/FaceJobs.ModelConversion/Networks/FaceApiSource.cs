using System.Text.Json;

namespace FaceJobs.ModelConversion.Networks;

internal static class FaceApiSource
{
    /// <summary>
    /// "package@version model" for the model's doc string, read from the package.json beside the
    /// face-api model folder when there is one. Never a path or a time, so output stays reproducible.
    /// </summary>
    public static string Describe(string faceApiModelDirectory, string modelName)
    {
        var packageJson = Path.Combine(faceApiModelDirectory, "..", "package.json");
        if (!File.Exists(packageJson))
        {
            return modelName;
        }

        using var package = JsonDocument.Parse(File.ReadAllBytes(packageJson));
        var name = package.RootElement.GetProperty("name").GetString();
        var version = package.RootElement.GetProperty("version").GetString();
        return $"{name}@{version} model/{modelName}";
    }
}
