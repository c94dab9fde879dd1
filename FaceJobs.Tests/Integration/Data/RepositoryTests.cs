using Dapper;
using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FaceJobs.Tests.Integration.Data;

/// <summary>
/// Every repository behaviour, run once per database provider by the sealed subclasses below. Each test creates
/// and migrates its own fresh database, so no test depends on another.
/// </summary>
public abstract class RepositoryTests : IAsyncLifetime
{
    private ITestDatabase? _database;

    /// <summary>Creates an empty database, or skips the test when the provider is not available here.</summary>
    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task MigrateAsync_AppliesNothing_WhenRunTwice()
    {
        var db = await StartAsync(migrate: false);

        var first = await db.Migrator.MigrateAsync();
        var second = await db.Migrator.MigrateAsync();

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Equal(first, await CountRowsAsync(db, "SELECT COUNT(*) FROM schema_migrations"));
    }

    [SkippableFact]
    public async Task MigrateAsync_AppliesEachScriptOnce_WhenFourProcessesStartTogether()
    {
        var db = await StartAsync(migrate: false);
        var migrators = Enumerable.Range(0, 4)
            .Select(_ => new DatabaseMigrator(db.Connections, NullLogger<DatabaseMigrator>.Instance))
            .ToArray();

        var applied = await Task.WhenAll(migrators.Select(migrator => Task.Run(() => migrator.MigrateAsync())));

        var scripts = MigrationScript.Load(db.Connections.Dialect).Count;
        Assert.Equal(scripts, applied.Sum());
        Assert.Equal(scripts, await CountRowsAsync(db, "SELECT COUNT(*) FROM schema_migrations"));
    }

    [SkippableFact]
    public async Task MigrateAsync_KeepsTheFirstOfDuplicatedPhotos_WhenMadeUnique()
    {
        var db = await StartAsync(migrate: false);
        var initial = MigrationScript.Load(db.Connections.Dialect)[0];
        await using (var connection = await db.Connections.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(db.Connections.Dialect.MigrationLock, transaction: transaction);
            foreach (var batch in initial.Batches)
                await connection.ExecuteAsync(batch, transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version) VALUES (@Version);", new { initial.Version }, transaction);
            await connection.ExecuteAsync("INSERT INTO photo_content (content_hash, bytes) VALUES ('h', @Bytes);", new { Bytes = new byte[] { 1 } }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length) VALUES ('h', @Name, 'image/jpeg', 1, 1, 1);",
                new[] { new { Name = "first.jpg" }, new { Name = "copy.jpg" }, new { Name = "another.jpg" } }, transaction);
            await transaction.CommitAsync();
        }

        var applied = await db.Migrator.MigrateAsync();

        Assert.Equal(MigrationScript.Load(db.Connections.Dialect).Count - 1, applied);
        Assert.Equal("first.jpg", (await db.Photos.FindByHashAsync("h"))!.FileName);
        Assert.Equal(1, await db.Photos.CountAsync());
    }

    [SkippableFact]
    public async Task AddAsync_StoresContentOnceAndReturnsTheFirstPhoto_WhenPhotosAndReferencesShareAHash()
    {
        var db = await StartAsync();
        var content = RandomBytes(2048);
        var hash = Hash(content);
        var personId = await db.People.AddPersonAsync("Ada", null);

        var first = await db.Photos.AddAsync(NewPhoto(hash, content), content);
        var second = await db.Photos.AddAsync(NewPhoto(hash, content), content);
        var reference = await db.People.AddReferenceAsync(personId, hash, "ada.jpg", content);

        Assert.True(first.IsNew);
        Assert.Equal(new StoredPhoto(first.Id, IsNew: false), second);
        Assert.Equal(1, await CountRowsAsync(db, "SELECT COUNT(*) FROM photos"));
        Assert.Equal(1, await CountRowsAsync(db, "SELECT COUNT(*) FROM photo_content"));
        Assert.Equal(content, await db.Photos.GetContentAsync(second.Id));
        Assert.Equal(content, await db.People.GetReferenceContentAsync(reference));
        Assert.Equal(first.Id, (await db.Photos.FindByHashAsync(hash))!.Id);
    }

    [SkippableFact]
    public async Task AddAsync_KeepsOnePhoto_WhenTwentyAddTheSameBytesAtOnce()
    {
        var db = await StartAsync();
        var content = RandomBytes(4096);
        var hash = Hash(content);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var adds = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await db.Photos.AddAsync(NewPhoto(hash, content), content);
        })).ToArray();

        start.SetResult();
        var stored = await Task.WhenAll(adds);

        Assert.Single(stored, photo => photo.IsNew);
        Assert.Single(stored.Select(photo => photo.Id).Distinct());
        Assert.Equal(1, await CountRowsAsync(db, "SELECT COUNT(*) FROM photos"));
        Assert.Equal(1, await CountRowsAsync(db, "SELECT COUNT(*) FROM photo_content"));
    }

    [SkippableFact]
    public async Task Insert_FailsOnTheUniqueConstraint_WhenASecondPhotoRowHasTheSameHash()
    {
        var db = await StartAsync();
        var content = RandomBytes(64);
        var id = (await db.Photos.AddAsync(NewPhoto(Hash(content), content), content)).Id;
        await using var connection = await db.Connections.OpenAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO photos (content_hash, file_name, content_type, width, height, byte_length) VALUES (@Hash, 'b.jpg', 'image/jpeg', 1, 1, 1);",
            new { Hash = Hash(content) }));

        Assert.Equal(id, (await db.Photos.FindByHashAsync(Hash(content)))!.Id);
    }

    [SkippableFact]
    public async Task GetAsync_ReturnsStoredPhotoWithPendingStages_WhenJustAdded()
    {
        var db = await StartAsync();
        var content = RandomBytes(100);
        var added = new NewPhoto(Hash(content), "beach.jpg", "image/jpeg", 640, 480, content.Length);

        var id = (await db.Photos.AddAsync(added, content)).Id;
        var photo = await db.Photos.GetAsync(id);

        Assert.NotNull(photo);
        Assert.Equal((added.ContentHash, added.FileName, added.ContentType, 640, 480, 100L),
            (photo.ContentHash, photo.FileName, photo.ContentType, photo.Width, photo.Height, photo.ByteLength));
        Assert.Equal((StageStatus.Pending, StageStatus.Pending, StageStatus.Pending), (photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus));
        Assert.Null(photo.FaceCount);
        Assert.Equal(0, photo.MatchCount);
        Assert.Equal(DateTimeKind.Utc, photo.UploadedAtUtc.Kind);
        Assert.InRange(photo.UploadedAtUtc, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10));
        Assert.Null(await db.Photos.GetAsync(id + 1000));
        Assert.Null(await db.Photos.GetContentAsync(id + 1000));
        Assert.Null(await db.Photos.FindByHashAsync(Hash(RandomBytes(10))));
    }

    [SkippableFact]
    public async Task ListAsync_ReturnsNewestFirstInPages_WhenPhotosSpanSeveralPages()
    {
        var db = await StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await AddPhotoAsync(db));
        }

        var pages = new[] { await db.Photos.ListAsync(0, 2), await db.Photos.ListAsync(2, 2), await db.Photos.ListAsync(4, 2) };

        Assert.Equal(5, await db.Photos.CountAsync());
        Assert.Equal([2, 2, 1], pages.Select(page => page.Count));
        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(page => page).Select(photo => photo.Id));
        Assert.Empty(await db.Photos.ListAsync(5, 2));
    }

    [SkippableFact]
    public async Task ListUnscheduledAsync_ReturnsOnlyPhotosWithoutJobs_WhenSomeWereScheduled()
    {
        var db = await StartAsync();
        var unscheduled = await AddPhotoAsync(db);
        var scheduled = await AddPhotoAsync(db);
        await db.Photos.SetJobIdsAsync(scheduled, "d-1", "r-1", "a-1");
        // Its detection job was enqueued, its continuations never were (the database went away in between).
        var cutOff = await AddPhotoAsync(db);
        await db.Photos.SetStageStatusAsync(cutOff, PipelineStage.Detect, StageStatus.Succeeded);
        // Its chain ran to the end; only recording the job ids failed.
        var ranWithoutIds = await AddPhotoAsync(db);
        foreach (var stage in new[] { PipelineStage.Detect, PipelineStage.Recognize, PipelineStage.Alert })
            await db.Photos.SetStageStatusAsync(ranWithoutIds, stage, StageStatus.Succeeded);

        var found = await db.Photos.ListUnscheduledAsync();

        Assert.Equal([unscheduled, cutOff], found.Select(p => p.Id));
        Assert.True(found[0].UploadedAtUtc > DateTime.UtcNow.AddMinutes(-5) && found[0].UploadedAtUtc < DateTime.UtcNow.AddMinutes(5));
    }

    [SkippableFact]
    public async Task SetStageStatusAsync_ChangesOnlyThatStageAndKeepsLastError_WhenLaterErrorIsNull()
    {
        var db = await StartAsync();
        var id = await AddPhotoAsync(db);

        await db.Photos.SetJobIdsAsync(id, "d-1", "r-1", "a-1");
        await db.Photos.SetStageStatusAsync(id, PipelineStage.Detect, StageStatus.Failed, "model missing");
        await db.Photos.SetStageStatusAsync(id, PipelineStage.Recognize, StageStatus.Skipped);
        await db.Photos.SetStageStatusAsync(id, PipelineStage.Alert, StageStatus.Running);
        var photo = (await db.Photos.GetAsync(id))!;

        Assert.Equal(("d-1", "r-1", "a-1"), (photo.DetectJobId, photo.RecognizeJobId, photo.AlertJobId));
        Assert.Equal((StageStatus.Failed, StageStatus.Skipped, StageStatus.Running), (photo.DetectStatus, photo.RecognizeStatus, photo.AlertStatus));
        Assert.Equal("model missing", photo.LastError);
    }

    [SkippableFact]
    public async Task ReplaceFacesAsync_LeavesOneSetOfFacesAndNoMatches_WhenRunTwice()
    {
        var db = await StartAsync();
        var photoId = await AddPhotoAsync(db);
        var personId = await db.People.AddPersonAsync("Grace", null);
        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(3));
        var firstFaces = await db.Faces.ListByPhotoAsync(photoId);
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(firstFaces[0].Id, personId, 0.4f)]);
        Assert.Equal(1, (await db.Photos.GetAsync(photoId))!.MatchCount);

        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(2));
        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(2));

        var faces = await db.Faces.ListByPhotoAsync(photoId);
        var photo = (await db.Photos.GetAsync(photoId))!;
        Assert.Equal([0, 1], faces.Select(face => face.FaceIndex));
        Assert.Empty(await db.Matches.ListByPhotoAsync(photoId));
        Assert.Equal((2, 0), (photo.FaceCount, photo.MatchCount));
        Assert.Equal(2, await CountRowsAsync(db, "SELECT COUNT(*) FROM faces"));
    }

    [SkippableFact]
    public async Task ReplaceFacesAsync_SetsFaceCountToZero_WhenNoFaceFound()
    {
        var db = await StartAsync();
        var photoId = await AddPhotoAsync(db);

        await db.Faces.ReplaceFacesAsync(photoId, []);

        Assert.Equal(0, (await db.Photos.GetAsync(photoId))!.FaceCount);
        Assert.Empty(await db.Faces.ListByPhotoAsync(photoId));
    }

    [SkippableFact]
    public async Task Faces_RoundTripGeometryBlobsAndEmbeddings_WhenStored()
    {
        var db = await StartAsync();
        var photoId = await AddPhotoAsync(db);
        var otherPhotoId = await AddPhotoAsync(db);
        var newFaces = NewFaces(2);
        await db.Faces.ReplaceFacesAsync(photoId, newFaces);
        await db.Faces.ReplaceFacesAsync(otherPhotoId, NewFaces(1));
        var faces = await db.Faces.ListByPhotoAsync(photoId);
        var embedding = RandomBytes(512);

        await db.Faces.SetEmbeddingAsync(faces[1].Id, embedding);

        var stored = (await db.Faces.ListByPhotoAsync(photoId))[1];
        Assert.Equal((newFaces[1].X, newFaces[1].Y, newFaces[1].Width, newFaces[1].Height, newFaces[1].Score),
            (stored.X, stored.Y, stored.Width, stored.Height, stored.Score));
        Assert.Equal(newFaces[1].Keypoints, stored.Keypoints);
        Assert.Equal(embedding, stored.Embedding);
        Assert.Null(faces[0].Embedding);
        Assert.Equal(newFaces[1].Thumbnail, await db.Faces.GetThumbnailAsync(faces[1].Id));
        Assert.Null(await db.Faces.GetThumbnailAsync(faces[1].Id + 1000));
        var embeddings = await db.Faces.ListEmbeddingsAsync(photoId);
        Assert.Equal(new FaceEmbedding(faces[1].Id, photoId, 1, embedding).ToString(), Assert.Single(embeddings).ToString());
        Assert.Equal(embedding, embeddings[0].Embedding);
        Assert.Equal([photoId], await db.Photos.ListIdsWithEmbeddingsAsync());
    }

    [SkippableFact]
    public async Task SetEmbeddingsAsync_StoresEveryFacesDescriptor_WhenGivenAPhotosFaces()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 3);
        var (otherPhotoId, otherFaces) = await AddPhotoWithFacesAsync(db, 1);
        var descriptors = faces.Select(_ => RandomBytes(512)).ToList();

        await db.Faces.SetEmbeddingsAsync(faces.Select((face, i) => new NewFaceEmbedding(face.Id, descriptors[i])).ToList());

        Assert.Equal(descriptors, (await db.Faces.ListEmbeddingsAsync(photoId)).Select(e => e.Embedding));
        Assert.Empty(await db.Faces.ListEmbeddingsAsync(otherPhotoId));
        Assert.Null(Assert.Single(await db.Faces.ListByPhotoAsync(otherPhotoId)).Embedding);
        Assert.Equal(otherFaces[0].Id, (await db.Faces.ListByPhotoAsync(otherPhotoId))[0].Id);
    }

    [SkippableFact]
    public async Task GetWatchlistVersionAsync_Grows_WhenAReferenceIsEnrolledOrItsPersonRemoved()
    {
        var db = await StartAsync();
        var empty = await db.People.GetWatchlistVersionAsync();
        var ada = await db.People.AddPersonAsync("Ada", null);
        var reference = await AddReferenceAsync(db, ada);
        var pending = await db.People.GetWatchlistVersionAsync();

        await db.People.SetReferenceEnrolledAsync(reference, RandomBytes(512), RandomBytes(10));
        var enrolled = await db.People.GetWatchlistVersionAsync();
        Assert.False(await db.People.DeleteAsync(ada + 1000));
        var nobodyRemoved = await db.People.GetWatchlistVersionAsync();
        await db.People.DeleteAsync(ada);
        var removed = await db.People.GetWatchlistVersionAsync();

        Assert.Equal(empty, pending);
        Assert.True(enrolled > pending);
        Assert.Equal(enrolled, nobodyRemoved);
        Assert.True(removed > enrolled);
    }

    [SkippableFact]
    public async Task AddMissingAsync_InsertsOnlyNewPairs_WhenSomeMatchesExist()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 2);
        var personId = await db.People.AddPersonAsync("Linus", null);
        await db.Matches.AddMissingAsync([new NewMatch(faces[0].Id, personId, 0.30f)]);

        await db.Matches.AddMissingAsync([new NewMatch(faces[0].Id, personId, 0.10f), new NewMatch(faces[1].Id, personId, 0.45f)]);
        await db.Matches.AddMissingAsync([new NewMatch(faces[1].Id, personId, 0.20f)]);

        var matches = await db.Matches.ListByPhotoAsync(photoId);
        Assert.Equal([(0, 0.30f), (1, 0.45f)], matches.Select(match => (match.FaceIndex, match.Distance)));
        Assert.All(matches, match => Assert.Equal(("Linus", photoId, DateTimeKind.Utc), (match.PersonName, match.PhotoId, match.CreatedAtUtc.Kind)));
        Assert.Equal(2, (await db.Photos.GetAsync(photoId))!.MatchCount);
    }

    [SkippableFact]
    public async Task ReplaceForPhotoAsync_LeavesOnlyTheLatestSet_WhenRunTwice()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 2);
        var (otherPhotoId, otherFaces) = await AddPhotoWithFacesAsync(db, 1);
        var ada = await db.People.AddPersonAsync("Ada", null);
        var bob = await db.People.AddPersonAsync("Bob", null);
        await db.Matches.ReplaceForPhotoAsync(otherPhotoId, [new NewMatch(otherFaces[0].Id, ada, 0.2f)]);

        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(faces[0].Id, ada, 0.5f), new NewMatch(faces[1].Id, bob, 0.3f)]);
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(faces[1].Id, ada, 0.25f), new NewMatch(faces[1].Id, bob, 0.3f)]);

        var matches = await db.Matches.ListByPhotoAsync(photoId);
        Assert.Equal([("Ada", 0.25f), ("Bob", 0.3f)], matches.Select(match => (match.PersonName, match.Distance)));
        Assert.Single(await db.Matches.ListByPhotoAsync(otherPhotoId));
    }

    [SkippableFact]
    public async Task People_ListByNameWithReferenceCounts_WhenOneReferenceEnrolled()
    {
        var db = await StartAsync();
        var zoe = await db.People.AddPersonAsync("Zoe", "night shift");
        var amy = await db.People.AddPersonAsync("Amy", null);
        var enrolled = await AddReferenceAsync(db, zoe);
        var failed = await AddReferenceAsync(db, zoe);
        var embedding = RandomBytes(512);
        var thumbnail = RandomBytes(300);

        await db.People.SetReferenceJobIdAsync(enrolled, "job-7");
        await db.People.SetReferenceEnrolledAsync(enrolled, embedding, thumbnail);
        await db.People.SetReferenceStatusAsync(failed, StageStatus.Failed, "no face found");

        var people = await db.People.ListAsync();
        Assert.Equal([("Amy", 0, 0), ("Zoe", 2, 1)], people.Select(person => (person.Name, person.ReferenceCount, person.ReadyReferenceCount)));
        Assert.Equal("night shift", (await db.People.GetAsync(zoe))!.Notes);
        Assert.Null(await db.People.GetAsync(amy + 1000));
        var references = await db.People.ListReferencesAsync(zoe);
        Assert.Equal([(enrolled, StageStatus.Succeeded, "job-7", null), (failed, StageStatus.Failed, null, "no face found")],
            references.Select(reference => (reference.Id, reference.Status, reference.JobId, reference.Error)));
        Assert.Equal([embedding, null], references.Select(reference => reference.Embedding));
        Assert.Equal(thumbnail, await db.People.GetReferenceThumbnailAsync(enrolled));
        Assert.Null(await db.People.GetReferenceThumbnailAsync(failed));
    }

    [SkippableFact]
    public async Task ListReferenceEmbeddingsAsync_ReturnsEnrolledOnly_FilteredByPersonWhenGiven()
    {
        var db = await StartAsync();
        var ada = await db.People.AddPersonAsync("Ada", null);
        var bob = await db.People.AddPersonAsync("Bob", null);
        var adaReference = await AddReferenceAsync(db, ada);
        var bobReference = await AddReferenceAsync(db, bob);
        await AddReferenceAsync(db, bob);
        var adaEmbedding = RandomBytes(512);
        await db.People.SetReferenceEnrolledAsync(adaReference, adaEmbedding, RandomBytes(10));
        await db.People.SetReferenceEnrolledAsync(bobReference, RandomBytes(512), RandomBytes(10));

        var all = await db.People.ListReferenceEmbeddingsAsync();
        var adaOnly = await db.People.ListReferenceEmbeddingsAsync(ada);

        Assert.Equal([(adaReference, ada, "Ada"), (bobReference, bob, "Bob")], all.Select(r => (r.ReferenceId, r.PersonId, r.PersonName)));
        Assert.Equal(adaEmbedding, Assert.Single(adaOnly).Embedding);
    }

    [SkippableFact]
    public async Task DeleteAsync_RemovesReferencesMatchesAndAlerts_WhenPersonDeleted()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 1);
        var gone = await db.People.AddPersonAsync("Gone", null);
        var kept = await db.People.AddPersonAsync("Kept", null);
        await AddReferenceAsync(db, gone);
        await AddReferenceAsync(db, kept);
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(faces[0].Id, gone, 0.3f), new NewMatch(faces[0].Id, kept, 0.4f)]);
        foreach (var match in await db.Alerts.ListUnsentAsync(photoId))
        {
            await db.Alerts.RecordSentAsync(match, "ops@example.org", $"msg-{match.PersonId}");
        }

        var deleted = await db.People.DeleteAsync(gone);

        Assert.True(deleted);
        Assert.Null(await db.People.GetAsync(gone));
        Assert.Empty(await db.People.ListReferencesAsync(gone));
        Assert.Equal(["Kept"], (await db.Matches.ListByPhotoAsync(photoId)).Select(match => match.PersonName));
        Assert.Equal(["Kept"], (await db.Alerts.ListByPhotoAsync(photoId)).Select(delivery => delivery.PersonName));
        Assert.Single(await db.People.ListReferencesAsync(kept));
        Assert.Equal(1, await CountRowsAsync(db, "SELECT COUNT(*) FROM person_references"));
        Assert.False(await db.People.DeleteAsync(gone));
    }

    [SkippableFact]
    public async Task ListUnsentAsync_ExcludesSentAndKeepsFailed_WhenDeliveriesRecorded()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 2);
        var personId = await db.People.AddPersonAsync("Ada", null);
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(faces[0].Id, personId, 0.3f), new NewMatch(faces[1].Id, personId, 0.4f)]);
        var unsent = await db.Alerts.ListUnsentAsync(photoId);

        await db.Alerts.RecordSentAsync(unsent[0], "ops@example.org", "msg-1");
        await db.Alerts.RecordFailedAsync(unsent[1], "ops@example.org", "smtp down");
        await db.Alerts.RecordFailedAsync(unsent[1], "ops@example.org", "smtp still down");
        await db.Alerts.RecordFailedAsync(unsent[0], "ops@example.org", "retried after sending");

        Assert.Equal([1], (await db.Alerts.ListUnsentAsync(photoId)).Select(match => match.FaceIndex));
        var deliveries = await db.Alerts.ListByPhotoAsync(photoId);
        Assert.Equal(
            [(0, AlertStatus.Sent, 1, "msg-1", null), (1, AlertStatus.Failed, 2, null, "smtp still down")],
            deliveries.Select(delivery => (delivery.FaceIndex, delivery.Status, delivery.Attempts, delivery.MessageId, delivery.LastError)));
        Assert.All(deliveries, delivery => Assert.Equal(("ops@example.org", "Ada", DateTimeKind.Utc), (delivery.Recipient, delivery.PersonName, delivery.UpdatedAtUtc.Kind)));
    }

    [SkippableFact]
    public async Task ListUnsentAsync_StaysEmpty_WhenDetectionAndRecognitionRunAgainAfterSending()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 1);
        var personId = await db.People.AddPersonAsync("Ada", null);
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(faces[0].Id, personId, 0.3f)]);
        await db.Alerts.RecordSentAsync(Assert.Single(await db.Alerts.ListUnsentAsync(photoId)), "ops@example.org", "msg-1");

        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(1));
        var newFace = Assert.Single(await db.Faces.ListByPhotoAsync(photoId));
        await db.Matches.ReplaceForPhotoAsync(photoId, [new NewMatch(newFace.Id, personId, 0.31f)]);

        Assert.NotEqual(faces[0].Id, newFace.Id);
        Assert.Empty(await db.Alerts.ListUnsentAsync(photoId));
        Assert.Single(await db.Alerts.ListByPhotoAsync(photoId));
    }

    [SkippableFact]
    public async Task ListAsync_ReturnsDeliveriesInPages_WhenSeveralRecorded()
    {
        var db = await StartAsync();
        var (photoId, faces) = await AddPhotoWithFacesAsync(db, 3);
        var personId = await db.People.AddPersonAsync("Ada", null);
        await db.Matches.ReplaceForPhotoAsync(photoId, faces.Select(face => new NewMatch(face.Id, personId, 0.3f)).ToArray());
        foreach (var match in await db.Alerts.ListUnsentAsync(photoId))
        {
            await db.Alerts.RecordSentAsync(match, "ops@example.org", $"msg-{match.FaceIndex}");
        }

        var first = await db.Alerts.ListAsync(0, 2);
        var second = await db.Alerts.ListAsync(2, 2);

        Assert.Equal((2, 1), (first.Count, second.Count));
        Assert.Equal([0, 1, 2], first.Concat(second).Select(delivery => delivery.FaceIndex).Order());
        Assert.True(first[0].UpdatedAtUtc >= second[0].UpdatedAtUtc);
    }

    [SkippableFact]
    public async Task Writes_AllSucceed_WhenEightWritersRunInParallel()
    {
        var db = await StartAsync();
        var shared = RandomBytes(4096);
        const int writers = 8, photosPerWriter = 6;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < photosPerWriter; i++)
            {
                var content = i % 2 == 0 ? shared : RandomBytes(4096);
                var photoId = (await db.Photos.AddAsync(NewPhoto(Hash(content), content), content)).Id;
                await db.Photos.SetStageStatusAsync(photoId, PipelineStage.Detect, StageStatus.Running);
                await db.Faces.ReplaceFacesAsync(photoId, NewFaces(3));
                await db.Photos.SetStageStatusAsync(photoId, PipelineStage.Detect, StageStatus.Succeeded);
                _ = await db.Photos.ListAsync(0, 10);
            }
        })));

        // Half the writes share one photo's bytes: one photo for them, whose faces each writer replaced.
        const int distinctPhotos = 1 + (writers * photosPerWriter / 2);
        Assert.Equal(distinctPhotos, await db.Photos.CountAsync());
        Assert.Equal(distinctPhotos * 3, await CountRowsAsync(db, "SELECT COUNT(*) FROM faces"));
        Assert.Equal(distinctPhotos, await CountRowsAsync(db, "SELECT COUNT(*) FROM photo_content"));
    }

    [SkippableFact]
    public async Task ApiKeys_AreFoundByKeyIdRevokedByTheirAccountOnlyAndGoWithTheAccount()
    {
        var db = await StartAsync();
        var owner = (await db.Accounts.AddAsync("owner", AccountRole.Operator, "hash", "stamp"))!.Value;
        var other = (await db.Accounts.AddAsync("other", AccountRole.Viewer, "hash", "stamp"))!.Value;
        var hash = RandomBytes(32);
        var id = await db.ApiKeys.AddAsync(owner, "0123456789abcdef", "ci", hash);
        await db.ApiKeys.AddAsync(other, "fedcba9876543210", "other's", RandomBytes(32));

        var found = (await db.ApiKeys.FindByKeyIdAsync("0123456789abcdef"))!;
        var revokedByOther = await db.ApiKeys.RevokeAsync(id, other);
        await db.ApiKeys.MarkUsedAsync(id);
        var revoked = await db.ApiKeys.RevokeAsync(id, owner);
        var revokedAgain = await db.ApiKeys.RevokeAsync(id, owner);
        var after = (await db.ApiKeys.FindByKeyIdAsync("0123456789abcdef"))!;

        Assert.Equal((id, owner, "ci"), (found.Id, found.AccountId, found.Name));
        Assert.Equal(hash, found.SecretHash);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAtUtc.Kind);
        Assert.Null(found.LastUsedAtUtc);
        Assert.False(found.IsRevoked);
        Assert.False(revokedByOther);
        Assert.True(revoked);
        Assert.False(revokedAgain);
        Assert.True(after.IsRevoked);
        Assert.NotNull(after.LastUsedAtUtc);
        Assert.Equal([id], (await db.ApiKeys.ListByAccountAsync(owner)).Select(key => key.Id));
        Assert.Null(await db.ApiKeys.FindByKeyIdAsync("0000000000000000"));

        await db.Accounts.DeleteAsync(owner);

        Assert.Null(await db.ApiKeys.FindByKeyIdAsync("0123456789abcdef"));
        Assert.NotNull(await db.ApiKeys.FindByKeyIdAsync("fedcba9876543210"));
    }

    [SkippableFact]
    public async Task ApiKeys_RefuseASecondKeyWithTheSameKeyId()
    {
        var db = await StartAsync();
        var account = (await db.Accounts.AddAsync("owner", AccountRole.Operator, "hash", "stamp"))!.Value;
        await db.ApiKeys.AddAsync(account, "0123456789abcdef", "first", RandomBytes(32));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.ApiKeys.AddAsync(account, "0123456789abcdef", "second", RandomBytes(32)));
    }

    private async Task<DataRepositories> StartAsync(bool migrate = true)
    {
        _database = await CreateDatabaseAsync();
        var repositories = new DataRepositories(_database.Connections);
        if (migrate)
        {
            await repositories.Migrator.MigrateAsync();
        }

        return repositories;
    }

    [SkippableFact]
    public async Task PauseAsync_KeepsTheFirstPauseAndItsAuthor_WhenPausedTwice()
    {
        var db = await StartAsync();

        var first = await db.QueuePauses.PauseAsync("detect", "operator-1");
        var second = await db.QueuePauses.PauseAsync("detect", "operator-2");
        await db.QueuePauses.PauseAsync("alerts", "operator-2");

        Assert.True(first);
        Assert.False(second);
        var pauses = await db.QueuePauses.ListAsync();
        Assert.Equal([("alerts", "operator-2"), ("detect", "operator-1")], pauses.Select(p => (p.QueueName, p.PausedBy)));
        Assert.All(pauses, pause => Assert.Equal(DateTimeKind.Utc, pause.PausedAtUtc.Kind));
        Assert.InRange(pauses[0].PausedAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [SkippableFact]
    public async Task ResumeAsync_RemovesOnlyThatQueue_AndSaysWhetherItWasPaused()
    {
        var db = await StartAsync();
        await db.QueuePauses.PauseAsync("detect", "operator-1");
        await db.QueuePauses.PauseAsync("recognize", "operator-1");

        Assert.True(await db.QueuePauses.ResumeAsync("detect"));
        Assert.False(await db.QueuePauses.ResumeAsync("detect"));
        Assert.False(await db.QueuePauses.ResumeAsync("alerts"));
        Assert.Equal(["recognize"], (await db.QueuePauses.ListAsync()).Select(p => p.QueueName));
    }

    private static async Task<int> CountRowsAsync(DataRepositories db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    private static async Task<long> AddPhotoAsync(DataRepositories db)
    {
        var content = RandomBytes(256);
        return (await db.Photos.AddAsync(NewPhoto(Hash(content), content), content)).Id;
    }

    private static async Task<(long PhotoId, IReadOnlyList<Face> Faces)> AddPhotoWithFacesAsync(DataRepositories db, int faceCount)
    {
        var photoId = await AddPhotoAsync(db);
        await db.Faces.ReplaceFacesAsync(photoId, NewFaces(faceCount));
        return (photoId, await db.Faces.ListByPhotoAsync(photoId));
    }

    private static Task<long> AddReferenceAsync(DataRepositories db, long personId)
    {
        var content = RandomBytes(128);
        return db.People.AddReferenceAsync(personId, Hash(content), "reference.jpg", content);
    }

    private static NewPhoto NewPhoto(string hash, byte[] content) => new(hash, "photo.jpg", "image/jpeg", 320, 240, content.Length);

    private static NewFace[] NewFaces(int count) => Enumerable.Range(0, count)
        .Select(index => new NewFace(index, 10.5f + index, 20.25f, 64f, 72.5f, 0.9f - (index / 100f), RandomBytes(48), RandomBytes(200)))
        .ToArray();

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

}

/// <summary>The repository tests on a SQLite file; always runs.</summary>
public sealed class SqliteRepositoryTests : RepositoryTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

/// <summary>The repository tests on a fresh SQL Server database; skipped unless FACEJOBS_SQLSERVER is set.</summary>
public sealed class SqlServerRepositoryTests : RepositoryTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync()
    {
        var server = SqlServerTestDatabase.ServerConnectionString;
        Skip.If(server is null, $"Set {SqlServerTestDatabase.EnvironmentVariable} to a SQL Server connection string to run these tests.");
        return await SqlServerTestDatabase.CreateAsync(server);
    }
}

/// <summary>The repository tests on a fresh database of the run's own PostgreSQL server; never skipped.</summary>
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlRepositoryTests : RepositoryTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}
