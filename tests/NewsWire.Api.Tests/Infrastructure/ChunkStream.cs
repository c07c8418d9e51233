namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// A request body produced as it is read, from a lazy (possibly endless) sequence of chunks, so that an upload
/// of any size is never held in the test's memory either.
/// </summary>
public sealed class ChunkStream(IEnumerable<byte[]> chunks) : Stream
{
    private readonly IEnumerator<byte[]> _chunks = chunks.GetEnumerator();
    private byte[] _pending = [];
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset == _pending.Length)
        {
            if (!_chunks.MoveNext())
            {
                return 0;
            }

            _pending = _chunks.Current;
            _offset = 0;
        }

        var n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.Dispose();
        }

        base.Dispose(disposing);
    }
}
