using System.Runtime.CompilerServices;
using FaceJobs.Core.Photos;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Hands the posted files over one at a time, each read from the temporary file the form reader spooled it to, so
/// a request holds at most one file in memory however many it carries; a file over the size limit is refused
/// without being read.
/// </summary>
public sealed class UploadedFileReader(IReadOnlyList<IFormFile> files, UploadOptions options)
{
    public List<IntakeResult> Refused { get; } = [];

    /// <summary>Whether any file is within the size limit (so there is something to read).</summary>
    public bool AnyWithinLimit => files.Any(file => file.Length <= options.MaxFileBytes);

    public async IAsyncEnumerable<(string FileName, byte[] Content)> ReadOneByOneAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (file.Length > options.MaxFileBytes)
            {
                Refused.Add(new IntakeResult(file.FileName, null, false,
                    $"The file is {file.Length / 1048576.0:0.0} MiB; the limit is {options.MaxFileBytes / 1048576.0:0.#} MiB."));
                continue;
            }

            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
                await stream.ReadExactlyAsync(content, cancellationToken);
            yield return (file.FileName, content);
        }
    }
}
