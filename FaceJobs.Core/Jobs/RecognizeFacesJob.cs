using FaceJobs.Core.Data;
using FaceJobs.Core.Data.Repositories;
using FaceJobs.Core.Faces;
using FaceJobs.Core.Recognition;
using Hangfire;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;

namespace FaceJobs.Core.Jobs;

/// <summary>
/// Embeds every face of a photo big enough to identify and matches it against the watchlist (faces too small to
/// identify keep no descriptor, so they are never matched). Running it again replaces the matches.
/// </summary>
public sealed class RecognizeFacesJob(
    IPhotoRepository photos,
    IFaceRepository faces,
    IMatchRepository matches,
    IFaceAnalyzer analyzer,
    BackgroundCpu cpu,
    DecodedPhotoHandOff handOff,
    WatchlistIndex watchlist,
    WatchlistMatcher matcher,
    IdentifiableFaces identifiable,
    PhotoStageRunner stages,
    ILogger<RecognizeFacesJob> logger)
{
    [Queue(JobQueues.Recognize)]
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Recognize faces in photo {0}")]
    public Task RunAsync(long photoId, CancellationToken cancellationToken) =>
        stages.RunAsync(photoId, PipelineStage.Recognize, async () =>
        {
            var stored = (await faces.ListByPhotoAsync(photoId, cancellationToken)).Where(f => !identifiable.IsTooSmall(f)).ToList();
            if (stored.Count == 0)
            {
                handOff.Take(photoId)?.Dispose();
                await matches.ReplaceForPhotoAsync(photoId, [], cancellationToken);
                return StageStatus.Skipped;
            }

            var decoded = handOff.Take(photoId);
            var content = decoded is not null
                ? ReadOnlyMemory<byte>.Empty
                : await photos.GetContentAsync(photoId, cancellationToken) ?? throw new InvalidOperationException($"Photo {photoId} has no stored content.");
            var descriptors = await cpu.RunAsync(() =>
            {
                using var image = decoded ?? FaceAnalyzer.DecodeUpright(content);
                return analyzer.EmbedFaces(image, stored.Select(ToDetectedFace).ToList());
            });
            var embeddings = stored.Select((face, i) => new FaceEmbedding(face.Id, photoId, face.FaceIndex, DescriptorBlob.ToBytes(descriptors[i]))).ToList();
            await faces.SetEmbeddingsAsync(embeddings.Select(e => new NewFaceEmbedding(e.FaceId, e.Embedding)).ToList(), cancellationToken);

            var references = await watchlist.GetAsync(cancellationToken);
            IReadOnlyList<NewMatch> found;
            while (true)
            {
                found = matcher.Match(embeddings, references);
                await matches.ReplaceForPhotoAsync(photoId, found, cancellationToken);
                // The embeddings were stored first, so a watchlist re-check started by a change since the references
                // were read may have matched this photo meanwhile, and the replace above undone it: match again against
                // the changed watchlist until it stands still (the index is the same object while its version is).
                var latest = await watchlist.GetAsync(cancellationToken);
                if (ReferenceEquals(latest, references))
                    break;
                references = latest;
            }

            logger.LogInformation("Photo {PhotoId}: {FaceCount} faces embedded, {MatchCount} watchlist matches", photoId, stored.Count, found.Count);
            return StageStatus.Succeeded;
        }, cancellationToken);

    internal static DetectedFace ToDetectedFace(Face face)
    {
        var coordinates = DescriptorBlob.FromBytes(face.Keypoints);
        var keypoints = new PointF[coordinates.Length / 2];
        for (var i = 0; i < keypoints.Length; i++)
            keypoints[i] = new PointF(coordinates[2 * i], coordinates[2 * i + 1]);
        return new DetectedFace(new RectangleF(face.X, face.Y, face.Width, face.Height), face.Score, keypoints);
    }
}
