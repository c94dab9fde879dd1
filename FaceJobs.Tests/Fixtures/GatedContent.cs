using System.Net;

namespace FaceJobs.Tests.Fixtures;

/// <summary>Sends the first half of a form, then waits for a gate before sending the rest (an upload in flight).</summary>
public sealed class GatedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly Task _gate;
    private volatile bool _waiting;

    public GatedContent(HttpContent inner, Task gate)
    {
        _inner = inner;
        _gate = gate;
        Headers.ContentType = inner.Headers.ContentType;
    }

    public bool Waiting => _waiting;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var bytes = await _inner.ReadAsByteArrayAsync();
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        _waiting = true;
        await _gate;
        await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
