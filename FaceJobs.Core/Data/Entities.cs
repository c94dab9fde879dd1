namespace FaceJobs.Core.Data;

/// <summary>Where a pipeline stage of one photo stands. Stored as its integer value.</summary>
public enum StageStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    /// <summary>Not needed: e.g. recognition of a photo with no faces, alerts with no match.</summary>
    Skipped = 4,
}

/// <summary>The three stages an uploaded photo goes through, each a Hangfire job.</summary>
public enum PipelineStage
{
    Detect = 0,
    Recognize = 1,
    Alert = 2,
}

/// <summary>An uploaded photo; its bytes live once per content hash in the content table.</summary>
public sealed class Photo
{
    public long Id { get; init; }
    public required string ContentHash { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long ByteLength { get; init; }
    public DateTime UploadedAtUtc { get; init; }
    public string? DetectJobId { get; init; }
    public string? RecognizeJobId { get; init; }
    public string? AlertJobId { get; init; }
    public StageStatus DetectStatus { get; init; }
    public StageStatus RecognizeStatus { get; init; }
    public StageStatus AlertStatus { get; init; }
    public int? FaceCount { get; init; }
    public int MatchCount { get; init; }
    public string? LastError { get; init; }
}

/// <summary>What an upload knows about a photo before it is stored.</summary>
public sealed record NewPhoto(string ContentHash, string FileName, string ContentType, int Width, int Height, long ByteLength);

/// <summary>The photo stored for some bytes; <see cref="IsNew"/> is false when those bytes were stored already.</summary>
public readonly record struct StoredPhoto(long Id, bool IsNew);

/// <summary>A face found on a photo. Coordinates are pixels of the upright (EXIF-applied) photo.</summary>
public sealed class Face
{
    public long Id { get; init; }
    public long PhotoId { get; init; }
    public int FaceIndex { get; init; }
    public float X { get; init; }
    public float Y { get; init; }
    public float Width { get; init; }
    public float Height { get; init; }
    public float Score { get; init; }
    /// <summary>Keypoints as x,y pairs, see <see cref="Faces.FaceKeypoint"/>; float32 little-endian.</summary>
    public required byte[] Keypoints { get; init; }
    /// <summary>Descriptor as float32 little-endian; null until recognition ran.</summary>
    public byte[]? Embedding { get; init; }
}

/// <summary>A face as detection stores it.</summary>
public sealed record NewFace(int FaceIndex, float X, float Y, float Width, float Height, float Score, byte[] Keypoints, byte[] Thumbnail);

/// <summary>A face's descriptor with where it came from, for comparing against the watchlist.</summary>
public sealed record FaceEmbedding(long FaceId, long PhotoId, int FaceIndex, byte[] Embedding);

/// <summary>A person on the watchlist.</summary>
public sealed class Person
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string? Notes { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public int ReferenceCount { get; init; }
    public int ReadyReferenceCount { get; init; }
}

/// <summary>A reference photo of a watchlist person; enrollment fills in the descriptor.</summary>
public sealed class PersonReference
{
    public long Id { get; init; }
    public long PersonId { get; init; }
    public required string ContentHash { get; init; }
    public required string FileName { get; init; }
    public StageStatus Status { get; init; }
    public string? JobId { get; init; }
    public byte[]? Embedding { get; init; }
    public string? Error { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>A reference descriptor with its person, for matching.</summary>
public sealed record ReferenceEmbedding(long ReferenceId, long PersonId, string PersonName, byte[] Embedding);

/// <summary>A face's descriptor as recognition stores it.</summary>
public sealed record NewFaceEmbedding(long FaceId, byte[] Embedding);

/// <summary>A face that matched a watchlist person.</summary>
public sealed record NewMatch(long FaceId, long PersonId, float Distance);

/// <summary>A match with what the pages and alerts show.</summary>
public sealed class MatchView
{
    public long Id { get; init; }
    public long FaceId { get; init; }
    public long PhotoId { get; init; }
    public int FaceIndex { get; init; }
    public long PersonId { get; init; }
    public required string PersonName { get; init; }
    public float Distance { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>Outcome of one alert email. Unique per (photo, face index, person) so a re-run never re-sends.</summary>
public enum AlertStatus
{
    Sent = 0,
    Failed = 1,
}

/// <summary>A record of one alert attempt for one match.</summary>
public sealed class AlertDelivery
{
    public long Id { get; init; }
    public long PhotoId { get; init; }
    public int FaceIndex { get; init; }
    public long PersonId { get; init; }
    public required string PersonName { get; init; }
    public float Distance { get; init; }
    public required string Recipient { get; init; }
    public AlertStatus Status { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? MessageId { get; init; }
    public DateTime UpdatedAtUtc { get; init; }
}
