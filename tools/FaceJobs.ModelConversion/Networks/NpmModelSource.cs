using System.Text.Json;

namespace FaceJobs.ModelConversion.Networks;

/// <summary>Names the npm package a model was converted from, for the ONNX file's doc string.</summary>
internal static class NpmModelSource
{
    /// <summary>
    /// "package@version folder/file", from the package.json above <paramref name="modelDirectory"/> (the package's
    /// <paramref name="folder"/>: face-api's <c>model</c>, human-models' <c>models</c>); just "folder/file" without one.
    /// Never a path or a time, so the output stays reproducible.
    /// </summary>
    public static string Describe(string modelDirectory, string folder, string modelFile)
    {
        var packageJson = Path.Combine(modelDirectory, "..", "package.json");
        if (!File.Exists(packageJson))
            return $"{folder}/{modelFile}";

        using var package = JsonDocument.Parse(File.ReadAllBytes(packageJson));
        var name = package.RootElement.GetProperty("name").GetString();
        var version = package.RootElement.GetProperty("version").GetString();
        return $"{name}@{version} {folder}/{modelFile}";
    }
}
