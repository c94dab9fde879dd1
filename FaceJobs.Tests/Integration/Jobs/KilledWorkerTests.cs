using System.Text.Json;
using FaceJobs.Tests.Fixtures;

namespace FaceJobs.Tests.Integration.Jobs;

/// <summary>A worker killed in the middle of the work loses nothing: after a restart every photo is processed.</summary>
[Collection(AppCollection.Name)]
public sealed class KilledWorkerTests
{
    private const int PhotoCount = 8;

    // Usually the restarted process finishes everything in a few seconds. A job whose Hangfire state lock the killed
    // process held waits for that lock to expire and for its re-delivery: once, before the lock lifetime was cut to
    // 10 s, that took 88 s. The wait is generous so a slow recovery passes and a lost photo still fails.
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task EveryPhotoFinishes_WhenProcessKilledMidWorkAndRestarted()
    {
        var data = Directory.CreateTempSubdirectory("facejobs-killed-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Hangfire:SqliteInvisibilityTimeoutSeconds"] = "5",
            ["Hangfire:SqlitePollIntervalMilliseconds"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        try
        {
            var photoIds = new List<long>();
            using (var first = await AppProcess.StartAsync(data, settings))
            {
                using var client = await first.CreateSignedInClientAsync();
                var photo = File.ReadAllBytes(TestPaths.Sample(1));
                for (var i = 0; i < PhotoCount; i++)
                    photoIds.Add(Pipeline.IdFromRedirect(await client.UploadAsync(($"photo{i}.jpg", WithComment(photo, i)))));

                // Kill as soon as the first photo is through detection: the rest are queued or in the middle of a job.
                await Waiting.UntilAsync(async () => (await StatusAsync(client, photoIds[0])).Detect == "Succeeded" ? "" : null, Pipeline.Timeout, "the first detection");
                first.Kill();
            }

            using var second = await AppProcess.StartAsync(data, settings);
            using var again = await second.CreateSignedInClientAsync();
            foreach (var photoId in photoIds)
            {
                try
                {
                    var status = await Waiting.UntilAsync(async () => await StatusAsync(again, photoId) is { Finished: true } s ? s : null, RecoveryTimeout, $"photo {photoId} after the restart");
                    Assert.Equal(3, status.FaceCount);
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{e.Message} Hangfire jobs: {JobStates(data)}", e);
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Every job's id, state and method, read straight from Hangfire's SQLite file, for a failure message.</summary>
    private static string JobStates(string data)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "hangfire.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, StateName, substr(InvocationData, 1, 120), Arguments FROM Job ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add($"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)} {reader.GetValue(2)}");
        return string.Join(" | ", rows);
    }

    private static async Task<PhotoStatusView> StatusAsync(HttpClient client, long photoId) =>
        JsonSerializer.Deserialize<PhotoStatusView>(await client.GetStringAsync($"/Photos/{photoId}?handler=Status"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>Same pixels, different bytes: each upload is a new photo, not a repeat.</summary>
    private static byte[] WithComment(byte[] jpeg, int number)
    {
        var text = System.Text.Encoding.ASCII.GetBytes($"copy {number}");
        var length = text.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. text, .. jpeg[2..]];
    }

    private sealed record PhotoStatusView(string Detect, string Recognize, string Alert, int? FaceCount, bool Finished);
}
