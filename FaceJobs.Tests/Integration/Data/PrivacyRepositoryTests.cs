using System.Security.Cryptography;
using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>
/// Deleting photos and people leaves nothing of them behind, retention finds what is old enough, and the audit log
/// keeps what it is given; once per database provider by the sealed subclasses below, each test on a fresh database.
/// </summary>
public abstract class PrivacyRepositoryTests : IAsyncLifetime
{
    private ITestDatabase? _database;

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task DeleteAsync_LeavesNoRowOrByteOfThePhotoInAnyTable_WhenItHadFacesMatchesAndAlerts()
    {
        var db = await StartAsync();
        var personId = await db.People.AddPersonAsync("Ada", null);
        await AddReferenceAsync(db, personId);
        var deleted = await AddAnalysedPhotoAsync(db, personId, faceCount: 3);
        var kept = await AddAnalysedPhotoAsync(db, personId, faceCount: 2);
        await db.Audit.AddAsync(new NewAuditEntry("ops", AuditActions.PhotoUpload, AuditSubjects.Photo(deleted)));
        var traces = await PhotoTraces.OfAsync(db.Connections, deleted);
        var keptTraces = await PhotoTraces.OfAsync(db.Connections, kept);

        var photo = await db.Photos.DeleteAsync(deleted);

        Assert.Equal(deleted, photo?.Id);
        Assert.Empty(await FindAsync(db, traces));
        Assert.Null(await db.Photos.GetAsync(deleted));
        Assert.Null(await db.Photos.GetContentAsync(deleted));
        // The other photo keeps all it had: every trace of it is still there.
        Assert.Equal(2, (await db.Faces.ListByPhotoAsync(kept)).Count);
        Assert.Equal(2, (await db.Matches.ListByPhotoAsync(kept)).Count);
        Assert.Equal(2, (await db.Alerts.ListByPhotoAsync(kept)).Count);
        Assert.NotNull(await db.Photos.GetContentAsync(kept));
        Assert.Contains(await FindAsync(db, keptTraces), trace => trace.Contains("photo_content", StringComparison.Ordinal));
        Assert.Single(await db.People.ListReferencesAsync(personId));
        Assert.Equal(AuditSubjects.Photo(deleted), Assert.Single(await db.Audit.ListAsync(0, 10)).Subject);
    }

    [SkippableFact]
    public async Task DeleteAsync_KeepsTheBytes_WhileAReferenceHasTheSameBytes()
    {
        var db = await StartAsync();
        var content = RandomBytes(4096);
        var photoId = (await db.Photos.AddAsync(NewPhoto(content, "shared.jpg"), content)).Id;
        var personId = await db.People.AddPersonAsync("Ada", null);
        var referenceId = await db.People.AddReferenceAsync(personId, Hash(content), "ada.jpg", content);

        await db.Photos.DeleteAsync(photoId);

        Assert.Equal(content, await db.People.GetReferenceContentAsync(referenceId));
        Assert.Equal(1, await CountAsync(db, "SELECT COUNT(*) FROM photo_content;"));

        await db.People.DeleteAsync(personId);

        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM photo_content;"));
    }

    [SkippableFact]
    public async Task DeleteAsync_ReturnsNullAndDeletesNothing_WhenNoSuchPhoto()
    {
        var db = await StartAsync();
        var content = RandomBytes(512);
        var photoId = (await db.Photos.AddAsync(NewPhoto(content, "a.jpg"), content)).Id;

        Assert.Null(await db.Photos.DeleteAsync(photoId + 1));
        Assert.NotNull(await db.Photos.DeleteAsync(photoId));
        Assert.Null(await db.Photos.DeleteAsync(photoId));
        Assert.False(await db.Photos.ExistsAsync(photoId));
    }

    [SkippableFact]
    public async Task ReplaceFacesAsync_StoresNothing_WhenThePhotoWasDeleted()
    {
        var db = await StartAsync();
        var content = RandomBytes(512);
        var photoId = (await db.Photos.AddAsync(NewPhoto(content, "a.jpg"), content)).Id;
        await db.Photos.DeleteAsync(photoId);

        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(2));

        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM faces;"));
    }

    // Finding 7: a removed person's reference photos stayed in photo_content.
    [SkippableFact]
    public async Task DeletePerson_DeletesTheirReferenceBytes_UnlessAPhotoOrAnotherReferenceHasThem()
    {
        var db = await StartAsync();
        var own = RandomBytes(4096);
        var sharedWithPerson = RandomBytes(4096);
        var sharedWithPhoto = RandomBytes(4096);
        var gone = await db.People.AddPersonAsync("Gone", null);
        var kept = await db.People.AddPersonAsync("Kept", null);
        await db.People.AddReferenceAsync(gone, Hash(own), "own.jpg", own);
        await db.People.AddReferenceAsync(gone, Hash(own), "own-again.jpg", own);
        await db.People.AddReferenceAsync(gone, Hash(sharedWithPerson), "shared.jpg", sharedWithPerson);
        await db.People.AddReferenceAsync(gone, Hash(sharedWithPhoto), "also-a-photo.jpg", sharedWithPhoto);
        var keptReference = await db.People.AddReferenceAsync(kept, Hash(sharedWithPerson), "kept.jpg", sharedWithPerson);
        var photoId = (await db.Photos.AddAsync(NewPhoto(sharedWithPhoto, "photo.jpg"), sharedWithPhoto)).Id;

        Assert.True(await db.People.DeleteAsync(gone));

        await using var connection = await db.Connections.OpenAsync();
        var stored = (await connection.QueryAsync<string>("SELECT content_hash FROM photo_content;")).Order().ToArray();
        Assert.Equal(new[] { Hash(sharedWithPerson), Hash(sharedWithPhoto) }.Order(), stored);
        Assert.Equal(sharedWithPerson, await db.People.GetReferenceContentAsync(keptReference));
        Assert.Equal(sharedWithPhoto, await db.Photos.GetContentAsync(photoId));
        Assert.Empty(await BlobsHoldingAsync(db, own));
    }

    [SkippableFact]
    public async Task ListIdsUploadedMoreThanDaysAgoAsync_ListsOnlyOlderPhotosOldestFirst_InBatches()
    {
        var db = await StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var content = RandomBytes(256);
            ids.Add((await db.Photos.AddAsync(NewPhoto(content, $"{i}.jpg"), content)).Id);
        }

        await BackdateAsync(db, ids[1], "2020-01-01T00:00:00.000Z");
        await BackdateAsync(db, ids[3], "2020-01-02T00:00:00.000Z");
        await BackdateAsync(db, ids[4], DateTime.UtcNow.AddDays(-29).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([ids[1], ids[3]], await db.Photos.ListIdsUploadedMoreThanDaysAgoAsync(30, 10));
        Assert.Equal([ids[1]], await db.Photos.ListIdsUploadedMoreThanDaysAgoAsync(30, 1));
        Assert.Equal([ids[1], ids[3], ids[4]], await db.Photos.ListIdsUploadedMoreThanDaysAgoAsync(28, 10));
        Assert.Empty(await db.Photos.ListIdsUploadedMoreThanDaysAgoAsync(36_500, 10));
    }

    [SkippableFact]
    public async Task AuditLog_ListsNewestFirstInPages_AndCutsOverlongTexts()
    {
        var db = await StartAsync();
        for (var i = 0; i < 5; i++)
            await db.Audit.AddAsync(new NewAuditEntry($"actor-{i}", AuditActions.PhotoUpload, AuditSubjects.Photo(i), null, "127.0.0.1"));
        await db.Audit.AddAsync(new NewAuditEntry(new string('n', 500), AuditActions.SignInFailed, AuditSubjects.Account(new string('x', 500)), new string('d', 5000)));

        var first = await db.Audit.ListAsync(0, 4);
        var second = await db.Audit.ListAsync(4, 4);

        Assert.Equal(6, await db.Audit.CountAsync());
        Assert.Equal((4, 2), (first.Count, second.Count));
        Assert.Equal((200, 200, 2000), (first[0].Actor.Length, first[0].Subject!.Length, first[0].Detail!.Length));
        Assert.Equal(["actor-4", "actor-3", "actor-2"], first.Skip(1).Select(entry => entry.Actor));
        Assert.Equal(["actor-1", "actor-0"], second.Select(entry => entry.Actor));
        Assert.Equal(("photo.upload", "photo 0", "127.0.0.1"), (second[1].Action, second[1].Subject, second[1].RemoteAddress));
        Assert.Equal(DateTimeKind.Utc, second[1].AtUtc.Kind);
        Assert.InRange(second[1].AtUtc, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10));
    }

    private async Task<DataRepositories> StartAsync()
    {
        _database = await CreateDatabaseAsync();
        var repositories = new DataRepositories(_database.Connections);
        await new DatabaseMigrator(_database.Connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return repositories;
    }

    // A photo as the pipeline leaves it: faces with crops and descriptors, each matched to the person and alerted.
    private static async Task<long> AddAnalysedPhotoAsync(DataRepositories db, long personId, int faceCount)
    {
        var content = RandomBytes(8192);
        var photoId = (await db.Photos.AddAsync(NewPhoto(content, $"{Guid.NewGuid():N}.jpg"), content)).Id;
        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(faceCount));
        var faces = await db.Faces.ListByPhotoAsync(photoId);
        await db.Faces.SetEmbeddingsAsync(faces.Select(face => new NewFaceEmbedding(face.Id, RandomBytes(512))).ToList());
        await db.Matches.ReplaceForPhotoAsync(photoId, faces.Select(face => new NewMatch(face.Id, personId, 0.4f)).ToList());
        foreach (var match in await db.Alerts.ListUnsentAsync(photoId))
            await db.Alerts.RecordSentAsync(match, "ops@example.org", $"msg-{photoId}-{match.FaceIndex}");
        return photoId;
    }

    private static Task<long> AddReferenceAsync(DataRepositories db, long personId)
    {
        var content = RandomBytes(2048);
        return db.People.AddReferenceAsync(personId, Hash(content), "reference.jpg", content);
    }

    private static async Task<IReadOnlyList<string>> FindAsync(DataRepositories db, PhotoTraces traces)
    {
        await using var connection = await db.Connections.OpenAsync();
        return await traces.FindAsync(connection, PhotoTraces.TablesSql(db.Connections.Dialect));
    }

    private static async Task<IReadOnlyList<string>> BlobsHoldingAsync(DataRepositories db, byte[] content)
    {
        await using var connection = await db.Connections.OpenAsync();
        var found = new List<string>();
        foreach (var table in await connection.QueryAsync<string>(PhotoTraces.TablesSql(db.Connections.Dialect)))
        {
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table}"))
                found.AddRange(row.Where(column => column.Value is byte[] blob && blob.AsSpan().IndexOf(content.AsSpan(1000, 32)) >= 0).Select(column => $"{table}.{column.Key}"));
        }

        return found;
    }

    private static async Task BackdateAsync(DataRepositories db, long photoId, string utcText)
    {
        await using var connection = await db.Connections.OpenAsync();
        // A literal, which every dialect reads as its time type (a text parameter would be text to PostgreSQL).
        var sql = $"UPDATE photos SET uploaded_at_utc = '{utcText}' WHERE id = @Id;";
        if (db.Connections.Dialect.Provider == StorageProvider.SqlServer)
            sql = $"UPDATE photos SET uploaded_at_utc = CAST('{utcText.TrimEnd('Z')}' AS datetime2) WHERE id = @Id;";
        Assert.Equal(1, await connection.ExecuteAsync(sql, new { Id = photoId }));
    }

    private static async Task<int> CountAsync(DataRepositories db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    private static NewPhoto NewPhoto(byte[] content, string fileName) => new(Hash(content), fileName, "image/jpeg", 320, 240, content.Length);

    private static NewFace[] NewFaces(int count) => Enumerable.Range(0, count)
        .Select(index => new NewFace(index, 10f + index, 20f, 64f, 72f, 0.9f, RandomBytes(48), RandomBytes(600)))
        .ToArray();

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

}

/// <summary>On a SQLite file; always runs.</summary>
public sealed class SqlitePrivacyRepositoryTests : PrivacyRepositoryTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

/// <summary>On a fresh SQL Server database; skipped unless FACEJOBS_SQLSERVER is set.</summary>
public sealed class SqlServerPrivacyRepositoryTests : PrivacyRepositoryTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync()
    {
        var server = SqlServerTestDatabase.ServerConnectionString;
        Skip.If(server is null, $"Set {SqlServerTestDatabase.EnvironmentVariable} to a SQL Server connection string to run these tests.");
        return await SqlServerTestDatabase.CreateAsync(server);
    }
}

/// <summary>On a fresh database of the run's own PostgreSQL server; never skipped.</summary>
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlPrivacyRepositoryTests : PrivacyRepositoryTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}
