namespace FaceJobs.Core.Data.Repositories;

/// <summary>Faces found on photos, their thumbnails and descriptors.</summary>
public interface IFaceRepository
{
    /// <summary>
    /// Replaces every face of the photo (and their matches) with <paramref name="faces"/> and sets the photo's
    /// face count, in one transaction: running detection twice leaves one set of faces.
    /// </summary>
    Task ReplaceFacesAsync(long photoId, IReadOnlyList<NewFace> faces, CancellationToken cancellationToken = default);

    /// <summary>Faces of a photo by face index.</summary>
    Task<IReadOnlyList<Face>> ListByPhotoAsync(long photoId, CancellationToken cancellationToken = default);

    Task SetEmbeddingAsync(long faceId, byte[] embedding, CancellationToken cancellationToken = default);

    /// <summary>Stores the descriptors of a photo's faces in one transaction (one connection, one commit).</summary>
    Task SetEmbeddingsAsync(IReadOnlyList<NewFaceEmbedding> embeddings, CancellationToken cancellationToken = default);

    /// <summary>Every stored face descriptor of the given photo.</summary>
    Task<IReadOnlyList<FaceEmbedding>> ListEmbeddingsAsync(long photoId, CancellationToken cancellationToken = default);

    /// <summary>The JPEG thumbnail of a face; null when the face does not exist.</summary>
    Task<byte[]?> GetThumbnailAsync(long faceId, CancellationToken cancellationToken = default);
}
