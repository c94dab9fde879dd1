using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;

namespace FaceJobs.Core.Recognition;

/// <summary>
/// Keeps the watchlist's <see cref="ReferenceIndex"/> in memory and reloads it only when the watchlist changed, in this
/// process or any other sharing the database: each call reads the one-row watchlist version instead of every descriptor.
/// The version is read before the descriptors, so a change landing between the two leaves an index newer than its
/// version, which only costs one extra reload.
/// </summary>
public sealed class WatchlistIndex(IPersonRepository people)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Loaded? _loaded;

    public async Task<ReferenceIndex> GetAsync(CancellationToken cancellationToken)
    {
        var version = await people.GetWatchlistVersionAsync(cancellationToken);
        if (_loaded is { } current && current.Version == version)
            return current.Index;

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } other && other.Version == version)
                return other.Index;

            var index = ReferenceIndex.From(await people.ListReferenceEmbeddingsAsync(null, cancellationToken));
            _loaded = new Loaded(version, index);
            return index;
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed record Loaded(long Version, ReferenceIndex Index);
}
