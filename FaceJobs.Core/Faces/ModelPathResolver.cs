using Microsoft.Extensions.Hosting;

namespace FaceJobs.Core.Faces;

/// <summary>
/// Finds model files given relative paths such as <c>models/x.onnx</c>: tries the content root, then the app
/// folder and each folder above it, so the same setting works from the web app, tests and tools.
/// </summary>
public sealed class ModelPathResolver(IHostEnvironment? environment = null)
{
    public string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        foreach (var root in SearchRoots())
        {
            var candidate = Path.GetFullPath(Path.Combine(root, path));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(environment?.ContentRootPath ?? AppContext.BaseDirectory, path));
    }

    private IEnumerable<string> SearchRoots()
    {
        if (environment is not null)
        {
            yield return environment.ContentRootPath;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
