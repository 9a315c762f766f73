namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// A write-only stream that collects what is written (synchronously or not) until <see cref="DrainToAsync"/> sends it
/// on. ZIP and XML writers make some synchronous writes (headers, the central directory), which a server's response
/// body refuses; writing into this buffer and draining it every few rows keeps the output streamed and memory flat.
/// </summary>
internal sealed class DrainableBuffer : Stream
{
    private MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes written so far (ZIP writers read it for offsets even when they cannot seek).</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public async Task DrainToAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        if (_pending.Capacity > 1024 * 1024)
        {
            _pending = new MemoryStream(); // do not keep a large buffer after an unusually long row
        }
        else
        {
            _pending.SetLength(0);
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
