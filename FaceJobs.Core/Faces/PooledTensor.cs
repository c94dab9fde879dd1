using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace FaceJobs.Core.Faces;

/// <summary>
/// A float input tensor on a buffer from <see cref="ArrayPool{T}.Shared"/>. One photo takes dozens of 0.15–2 MB model
/// inputs (a tile each for two detectors, a landmark crop and a batch of chips a face); as new arrays they all land on
/// the large object heap, and every few of them force a full collection that pauses the request threads too
/// (docs/performance.md: 122 gen2 collections in a 36 s load run before).
/// </summary>
internal sealed class PooledTensor : IDisposable
{
    private float[]? _buffer;

    public PooledTensor(int length)
    {
        _buffer = ArrayPool<float>.Shared.Rent(length);
        Length = length;
    }

    public int Length { get; }

    /// <summary>The rented array; only its first <see cref="Length"/> values are the tensor's.</summary>
    public float[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledTensor));

    public Span<float> Span => Buffer.AsSpan(0, Length);

    /// <summary>The tensor as an ONNX Runtime input over the same memory; dispose it before this.</summary>
    public OrtValue ToOrtValue(long[] shape) =>
        OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Buffer.AsMemory(0, Length), shape);

    public void Dispose()
    {
        if (_buffer is not null)
            ArrayPool<float>.Shared.Return(_buffer);
        _buffer = null;
    }
}
