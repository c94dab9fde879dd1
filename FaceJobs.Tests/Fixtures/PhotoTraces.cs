using System.Data.Common;
using Dapper;
using FaceJobs.Core.Data;

namespace FaceJobs.Tests.Fixtures;

/// <summary>
/// What a photo leaves in a database, read before it is deleted: its id and its faces' ids, its stored bytes and
/// every blob of its faces (crops, keypoints, descriptors), its content hash and file name. <see cref="FindAsync"/>
/// then reads every row of every table the schema lists (a table added later is read too) and reports each place
/// where one of them is still found: an id in a <c>photo_id</c> or <c>face_id</c> column (or the photo's or a
/// face's own row), a blob that holds any of the bytes, or a text that holds the hash or the file name. The audit
/// log's "photo 12" is a text of its own and not a trace: it records that the photo existed and who deleted it.
/// </summary>
public sealed class PhotoTraces
{
    private const int BytesCompared = 32;

    private PhotoTraces(long photoId, IReadOnlySet<long> faceIds, IReadOnlyList<byte[]> blobs, IReadOnlyList<string> texts)
    {
        PhotoId = photoId;
        FaceIds = faceIds;
        Blobs = blobs;
        Texts = texts;
    }

    public long PhotoId { get; }

    public IReadOnlySet<long> FaceIds { get; }

    public IReadOnlyList<byte[]> Blobs { get; }

    public IReadOnlyList<string> Texts { get; }

    public static async Task<PhotoTraces> OfAsync(IDbConnectionFactory connections, long photoId)
    {
        await using var connection = await connections.OpenAsync();
        var photo = (IDictionary<string, object>)await connection.QuerySingleAsync("SELECT content_hash, file_name FROM photos WHERE id = @Id;", new { Id = photoId });
        var hash = (string)photo["content_hash"];
        var content = await connection.QuerySingleAsync<byte[]>("SELECT bytes FROM photo_content WHERE content_hash = @Hash;", new { Hash = hash });
        var faces = (await connection.QueryAsync("SELECT * FROM faces WHERE photo_id = @Id;", new { Id = photoId })).Cast<IDictionary<string, object>>().ToList();
        var blobs = faces.SelectMany(face => face.Values.OfType<byte[]>()).Append(content).Where(blob => blob.Length >= BytesCompared).ToList();
        return new PhotoTraces(photoId, faces.Select(face => Convert.ToInt64(face["id"])).ToHashSet(), blobs, [hash, (string)photo["file_name"]]);
    }

    /// <summary>Every trace left in the tables <paramref name="tablesSql"/> lists (one text column: a table's name, quoted as needed).</summary>
    public async Task<IReadOnlyList<string>> FindAsync(DbConnection connection, string tablesSql)
    {
        var found = new List<string>();
        foreach (var table in await connection.QueryAsync<string>(tablesSql))
        {
            var rowNumber = 0;
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM {table}"))
            {
                rowNumber++;
                foreach (var (column, value) in row)
                {
                    if (Trace(table, column, value) is { } what)
                        found.Add($"{table}.{column} (row {rowNumber}): {what}");
                }
            }
        }

        return found;
    }

    /// <summary>The app's tables in its database's dialect (SQL Server: the dbo schema; PostgreSQL: every schema, Hangfire's included).</summary>
    public static string TablesSql(SqlDialect dialect) => dialect.Provider switch
    {
        StorageProvider.Sqlite => "SELECT '\"' || name || '\"' FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%';",
        StorageProvider.PostgreSql => """
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema');
            """,
        _ => "SELECT QUOTENAME(table_schema) + '.' + QUOTENAME(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE';",
    };

    // From the middle: JPEGs (the photo, every face crop) begin with the same header bytes.
    private static ReadOnlySpan<byte> Sample(byte[] bytes) => bytes.AsSpan((bytes.Length - BytesCompared) / 2, BytesCompared);

    private string? Trace(string table, string column, object? value)
    {
        var bareTable = table.Split('.')[^1].Trim('"', '[', ']');
        switch (value)
        {
            case long or int when column == "photo_id" || (bareTable == "photos" && column == "id"):
                return Convert.ToInt64(value) == PhotoId ? $"photo id {value}" : null;
            case long or int when column == "face_id" || (bareTable == "faces" && column == "id"):
                return FaceIds.Contains(Convert.ToInt64(value)) ? $"face id {value}" : null;
            case byte[] blob:
                return Blobs.Any(bytes => blob.AsSpan().IndexOf(Sample(bytes)) >= 0) ? $"{blob.Length} bytes holding the photo's" : null;
            case string text:
                return Texts.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal)) is { } t ? $"text holding '{t}'" : null;
            default:
                return null;
        }
    }
}
