using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using FaceJobs.Tests.Fixtures;
using FaceJobs.Tests.Unit.Recognition;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FaceJobs.Tests.Integration.Recognition;

/// <summary>
/// The cached index through the real repository on a SQLite file. Two <see cref="WatchlistIndex"/> instances stand for
/// two processes: a change made through one repository must reach an index that was loaded before it.
/// </summary>
public sealed class WatchlistIndexTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly Random _random = new(12);
    private IPersonRepository _people = null!;

    public async Task InitializeAsync()
    {
        await new DatabaseMigrator(_database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        _people = new DapperPersonRepository(_database.Connections);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task GetAsync_SeesAPersonAddedElsewhere_WhenLoadedBefore()
    {
        var ada = await AddEnrolledPersonAsync("Ada");
        var index = new WatchlistIndex(new DapperPersonRepository(_database.Connections));
        var before = await index.GetAsync(CancellationToken.None);

        var bob = await AddEnrolledPersonAsync("Bob");
        var after = await index.GetAsync(CancellationToken.None);

        Assert.Equal([ada.PersonId], before.PersonIds);
        Assert.Equal([ada.PersonId, bob.PersonId], after.PersonIds);
        Assert.Equal(bob.PersonId, after.PersonAt(after.Nearest(bob.Descriptor)!.Value.Row));
    }

    [Fact]
    public async Task GetAsync_ForgetsARemovedPerson_WhenLoadedBefore()
    {
        var ada = await AddEnrolledPersonAsync("Ada");
        var bob = await AddEnrolledPersonAsync("Bob");
        var index = new WatchlistIndex(new DapperPersonRepository(_database.Connections));
        var before = await index.GetAsync(CancellationToken.None);

        await _people.DeleteAsync(bob.PersonId);
        var after = await index.GetAsync(CancellationToken.None);

        Assert.Equal([ada.PersonId, bob.PersonId], before.PersonIds);
        Assert.Equal([ada.PersonId], after.PersonIds);
    }

    [Fact]
    public async Task GetAsync_SeesAReferenceEnrolledLater_WhenItWasAddedBeforeTheIndexLoaded()
    {
        var ada = await AddEnrolledPersonAsync("Ada");
        var pending = await AddReferenceAsync(ada.PersonId);
        var index = new WatchlistIndex(new DapperPersonRepository(_database.Connections));
        var before = await index.GetAsync(CancellationToken.None);

        await _people.SetReferenceEnrolledAsync(pending, DescriptorBlob.ToBytes(ReferenceIndexTests.RandomUnitVector(_random, 128)), [1]);
        var after = await index.GetAsync(CancellationToken.None);

        Assert.Equal(1, before.Count);
        Assert.Equal(2, after.Count);
    }

    [Fact]
    public async Task GetAsync_ReturnsTheSameIndex_WhenNothingChanged()
    {
        await AddEnrolledPersonAsync("Ada");
        var index = new WatchlistIndex(new DapperPersonRepository(_database.Connections));

        var first = await index.GetAsync(CancellationToken.None);
        var second = await index.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
    }

    private async Task<(long PersonId, float[] Descriptor)> AddEnrolledPersonAsync(string name)
    {
        var personId = await _people.AddPersonAsync(name, null);
        var descriptor = ReferenceIndexTests.RandomUnitVector(_random, 128);
        await _people.SetReferenceEnrolledAsync(await AddReferenceAsync(personId), DescriptorBlob.ToBytes(descriptor), [1]);
        return (personId, descriptor);
    }

    private Task<long> AddReferenceAsync(long personId)
    {
        var content = new byte[64];
        _random.NextBytes(content);
        return _people.AddReferenceAsync(personId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), "ref.jpg", content);
    }
}
