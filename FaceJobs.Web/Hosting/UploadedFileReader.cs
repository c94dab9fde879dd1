using FaceJobs.Core.Photos;

namespace FaceJobs.Web.Hosting;

/// <summary>Reads posted files into memory, refusing one over the size limit before reading it.</summary>
public static class UploadedFileReader
{
    public static async Task<(List<(string FileName, byte[] Content)> Files, List<IntakeResult> Refused)> ReadAsync(
        IReadOnlyList<IFormFile> files, UploadOptions options, CancellationToken cancellationToken)
    {
        var read = new List<(string, byte[])>();
        var refused = new List<IntakeResult>();
        foreach (var file in files)
        {
            if (file.Length > options.MaxFileBytes)
            {
                refused.Add(new IntakeResult(file.FileName, null, false,
                    $"The file is {file.Length / 1048576.0:0.0} MiB; the limit is {options.MaxFileBytes / 1048576.0:0.#} MiB."));
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            read.Add((file.FileName, buffer.ToArray()));
        }

        return (read, refused);
    }
}
