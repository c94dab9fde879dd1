using FaceJobs.Core.Data;

namespace FaceJobs.Testing;

/// <summary>A fresh, empty database of one provider that is deleted on dispose.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    string ConnectionString { get; }

    IDbConnectionFactory Connections { get; }
}
