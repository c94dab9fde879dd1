using FaceJobs.Core.Data;
using Microsoft.Extensions.Options;

namespace FaceJobs.Web.Hosting;

/// <summary>
/// Hangfire's SQLite storage is made for one process: its queue fetch and locks are not proven across processes. So a
/// second FaceJobs process on the same SQLite folder is refused with a clear message; run several processes on
/// PostgreSQL or SQL Server instead (README: "More machines").
/// </summary>
public sealed class SqliteSingleProcessGuard : IDisposable
{
    private readonly FileStream _lock;

    private SqliteSingleProcessGuard(FileStream lockFile) => _lock = lockFile;

    public static SqliteSingleProcessGuard Acquire(string hangfireFile)
    {
        var path = hangfireFile + ".process-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new SqliteSingleProcessGuard(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another FaceJobs process already uses the SQLite storage at '{Path.GetDirectoryName(path)}'. " +
                "The embedded SQLite default supports one process; to run a web front and separate workers, set " +
                "Storage:Provider to PostgreSql or SqlServer (see README, 'More machines').");
        }
    }

    public void Dispose() => _lock.Dispose();
}
