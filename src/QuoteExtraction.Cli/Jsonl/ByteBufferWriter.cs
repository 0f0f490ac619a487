using System.Buffers;

namespace QuoteExtraction.Cli.Jsonl;

/// <summary>
/// A growable byte buffer like <see cref="ArrayBufferWriter{T}"/>, plus <see cref="Truncate"/> so a half-written
/// output line can be taken back when serialising one document fails.
/// </summary>
internal sealed class ByteBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer;

    public ByteBufferWriter(int initialCapacity) => _buffer = new byte[Math.Max(initialCapacity, 256)];

    /// <summary>The number of bytes written.</summary>
    public int WrittenCount { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - WrittenCount);
        WrittenCount += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(WrittenCount);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(WrittenCount);
    }

    /// <summary>Forgets everything written after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, WrittenCount);
        WrittenCount = length;
    }

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(WrittenCount));
        WrittenCount += bytes.Length;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - WrittenCount >= needed)
        {
            return;
        }

        var newSize = Math.Max(_buffer.Length * 2L, (long)WrittenCount + needed);
        Array.Resize(ref _buffer, (int)Math.Min(newSize, Array.MaxLength));
        if (_buffer.Length - WrittenCount < needed)
        {
            throw new OutOfMemoryException("Output batch exceeds the maximum array size.");
        }
    }
}
