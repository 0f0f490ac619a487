using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace QuoteExtraction.Serialization;

/// <summary>
/// A growable UTF-8 buffer with the few compact JSON writes <see cref="QuoteJson"/> needs. Values come out byte for
/// byte as <see cref="System.Text.Json.Utf8JsonWriter"/> writes them with <see cref="QuoteJson.CompactOptions"/>;
/// punctuation and property names are written by the caller as raw bytes. As an <see cref="IBufferWriter{T}"/> it also
/// takes what other writers write (the CLI's output batches are one such buffer).
/// </summary>
/// <remarks>
/// Why: the writer's per-call bookkeeping (depth, separators, validation), its surrogate and escape scans and its
/// transcode cost more than the JSON itself for the many small values of claims and quantities. Here plain ASCII (most
/// strings) is checked and narrowed in one pass, ASCII escapes are written by hand, and only non-ASCII text asks the
/// encoder, exactly as the writer does; strings it must escape, or with lone surrogates, take the writer's own route.
/// </remarks>
internal sealed class CompactJsonBuffer : IBufferWriter<byte>
{
    // Bytes that may need escaping under UnsafeRelaxedJsonEscaping: controls, '"', '\', DEL and every non-ASCII byte
    // (the encoder decides those per scalar). Printable ASCII other than '"' and '\' is never escaped by it.
    private static readonly SearchValues<byte> MayNeedEscaping = SearchValues.Create(BuildMayNeedEscaping());

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private byte[] _buffer;
    private char[] _chars = [];
    private byte[] _bytes = [];

    /// <summary>Creates a buffer.</summary>
    /// <param name="capacity">The initial capacity in bytes.</param>
    public CompactJsonBuffer(int capacity = 4096) => _buffer = new byte[Math.Max(capacity, 64)];

    /// <summary>The number of bytes written.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Count);

    /// <summary>Forgets everything written; the capacity is kept.</summary>
    public void Clear() => Count = 0;

    /// <summary>Forgets everything written after the first <paramref name="count"/> bytes (a half-written line, say).</summary>
    /// <param name="count">The number of bytes to keep.</param>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - Count);
        Count += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _buffer.AsMemory(Count);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _buffer.AsSpan(Count);
    }

    private void EnsureFree(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (needed > _buffer.Length - Count)
        {
            Grow(needed);
        }
    }

    /// <summary>Appends bytes as they are (punctuation, pre-encoded names and values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        var count = Count;
        if (bytes.Length > _buffer.Length - count)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(count));
        Count = count + bytes.Length;
    }

    /// <summary>Appends <c>null</c>.</summary>
    public void WriteNull() => WriteRaw("null"u8);

    /// <summary>Appends <c>true</c> or <c>false</c>.</summary>
    public void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    /// <summary>Appends an integer.</summary>
    public void WriteNumber(long value)
    {
        if (_buffer.Length - Count < 20)
        {
            Grow(20);
        }

        Utf8Formatter.TryFormat(value, _buffer.AsSpan(Count), out var written);
        Count += written;
    }

    /// <summary>Appends a finite double as <see cref="System.Text.Json.Utf8JsonWriter.WriteNumberValue(double)"/> does (shortest round-trip form).</summary>
    /// <remarks>
    /// Most values are whole numbers (counts, money) or have at most three decimals (scores): below 1e15 those are
    /// written from integers, which gives the digits of the shortest round-trip form (the framework's formatter, which
    /// the writer uses, only switches to exponents such as <c>4.5E+21</c> far above). Negative zero (<c>-0</c>) and
    /// everything else take the framework's formatter.
    /// </remarks>
    /// <param name="value">The value; must be finite (the writer throws for NaN and infinities, and so do callers' guards).</param>
    public void WriteNumber(double value)
    {
        if (_buffer.Length - Count < 32)
        {
            Grow(32);
        }

        var abs = Math.Abs(value);
        if (abs < 1e15)
        {
            var whole = (long)value;
            if (whole == value && (whole != 0 || !double.IsNegative(value)))
            {
                Utf8Formatter.TryFormat(whole, _buffer.AsSpan(Count), out var written);
                Count += written;
                return;
            }

            // k / 1000.0 == value means value is the double nearest to the decimal k/1000, so that decimal (trailing
            // zeros cut) round-trips; no shorter decimal can, as the ones it could be are 0.001 apart, far more than
            // the spacing of doubles below 1e12. Above 0.001 the shortest form never uses an exponent.
            if (abs < 1e12 && abs >= 0.001)
            {
                var thousandths = (long)Math.Round(value * 1000.0);
                if (thousandths / 1000.0 == value)
                {
                    WriteThousandths(thousandths);
                    return;
                }
            }
        }

        Utf8Formatter.TryFormat(value, _buffer.AsSpan(Count), out var formatted);
        Count += formatted;
    }

    /// <summary>Appends a JSON string, or <c>null</c>; lone UTF-16 surrogates are written as U+FFFD.</summary>
    /// <param name="value">The string, or <c>null</c>.</param>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        WriteString(value.AsSpan());
    }

    /// <summary>Appends a JSON string; lone UTF-16 surrogates are written as U+FFFD.</summary>
    /// <param name="value">The characters.</param>
    public void WriteString(ReadOnlySpan<char> value)
    {
        // Room for the transcoded text (at most 3 bytes per UTF-16 code unit) and the quotes.
        var needed = (3L * value.Length) + 2;
        if (needed > _buffer.Length - Count)
        {
            Grow(needed);
        }

        var destination = _buffer.AsSpan(Count);
        var plain = NarrowPlainAscii(value, destination[1..]);
        if (plain == value.Length)
        {
            destination[0] = (byte)'"';
            destination[plain + 1] = (byte)'"';
            Count += plain + 2;
            return;
        }

        var status = Utf8.FromUtf16(value[plain..], destination[(1 + plain)..], out _, out var written, replaceInvalidSequences: false);
        written += plain;
        if (status == OperationStatus.Done)
        {
            var utf8 = destination.Slice(1, written);
            var first = plain; // The character there needs a look: escaping or non-ASCII.
            if (!Ascii.IsValid(utf8[first..]))
            {
                // Non-ASCII: most is written as is (curly quotes, accents, dashes); the encoder knows which is not.
                // It decides per scalar value as it does for UTF-16, so asking it about the UTF-8 form is the same.
                if (Encoder.FindFirstCharacterToEncodeUtf8(utf8[first..]) >= 0)
                {
                    WriteStringSlow(value);
                    return;
                }

                first = -1;
            }

            destination[0] = (byte)'"';
            if (first < 0)
            {
                destination[written + 1] = (byte)'"';
                Count += written + 2;
            }
            else
            {
                WriteEscapedAscii(written, first);
            }

            return;
        }

        WriteStringSlow(value);
    }

    // The ASCII text just transcoded after the opening quote has characters to escape from index `first` on: escapes
    // them as the relaxed encoder does (two-character forms for '"', '\', \b, \t, \n, \f and \r, \u00XX for the other
    // controls and DEL) and closes the string.
    private void WriteEscapedAscii(int written, int first)
    {
        var start = Count + 1;
        var tailLength = written - first;
        if (_bytes.Length < tailLength)
        {
            _bytes = new byte[Math.Max(tailLength, 2 * _bytes.Length)];
        }

        var tail = _bytes.AsSpan(0, tailLength);
        _buffer.AsSpan(start + first, tailLength).CopyTo(tail);
        var needed = first + (6L * tailLength) + 2;
        if (needed > _buffer.Length - Count)
        {
            Grow(needed);
        }

        var destination = _buffer.AsSpan(start + first);
        var length = 0;
        while (true)
        {
            var next = tail.IndexOfAny(MayNeedEscaping);
            if (next < 0)
            {
                tail.CopyTo(destination[length..]);
                length += tail.Length;
                break;
            }

            tail[..next].CopyTo(destination[length..]);
            length += next;
            var b = tail[next];
            destination[length++] = (byte)'\\';
            var shortForm = b switch
            {
                (byte)'"' => (byte)'"',
                (byte)'\\' => (byte)'\\',
                (byte)'\b' => (byte)'b',
                (byte)'\t' => (byte)'t',
                (byte)'\n' => (byte)'n',
                (byte)'\f' => (byte)'f',
                (byte)'\r' => (byte)'r',
                _ => (byte)0,
            };
            if (shortForm != 0)
            {
                destination[length++] = shortForm;
            }
            else
            {
                destination[length++] = (byte)'u';
                destination[length++] = (byte)'0';
                destination[length++] = (byte)'0';
                destination[length++] = HexDigits[b >> 4];
                destination[length++] = HexDigits[b & 0xF];
            }

            tail = tail[(next + 1)..];
        }

        destination[length] = (byte)'"';
        Count = start + first + length + 1;
    }

    /// <summary>
    /// Copies the leading characters that are printable ASCII other than '"' and '\\' (written as they are) to
    /// <paramref name="destination"/> as bytes, and returns how many there were. Checking and narrowing in one pass is
    /// what makes the common all-plain string cheap.
    /// </summary>
    /// <remarks>Bytes past the returned count may have been written too; the caller overwrites them.</remarks>
    internal static int NarrowPlainAscii(ReadOnlySpan<char> source, Span<byte> destination)
    {
        var length = source.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<ushort>.Count)
        {
            ref var from = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
            ref var to = ref MemoryMarshal.GetReference(destination);
            var space = Vector256.Create((ushort)0x20);
            var printableCount = Vector256.Create((ushort)(0x7F - 0x20));
            var quote = Vector256.Create((ushort)'"');
            var backslash = Vector256.Create((ushort)'\\');
            while (true)
            {
                // The last block may overlap the one before: checking and copying a character twice is harmless.
                var at = Math.Min(i, length - Vector256<ushort>.Count);
                var chars = Vector256.LoadUnsafe(ref from, (nuint)at);
                var special = Vector256.GreaterThanOrEqual(chars - space, printableCount)
                    | Vector256.Equals(chars, quote)
                    | Vector256.Equals(chars, backslash);
                Vector128.Narrow(chars.GetLower(), chars.GetUpper()).StoreUnsafe(ref to, (nuint)at);
                if (special != Vector256<ushort>.Zero)
                {
                    return at + BitOperations.TrailingZeroCount(special.ExtractMostSignificantBits());
                }

                i = at + Vector256<ushort>.Count;
                if (i == length)
                {
                    return length;
                }
            }
        }

        for (; i < length; i++)
        {
            var c = source[i];
            if (c - 0x20u >= 0x7F - 0x20 || c == '"' || c == '\\')
            {
                break;
            }

            destination[i] = (byte)c;
        }

        return i;
    }

    // What Utf8JsonWriter does with an encoder: lone surrogates replaced first (QuoteJson's rule; the writer would
    // throw), then the text run through the encoder (which copies what needs no escaping) and transcoded to UTF-8.
    private void WriteStringSlow(ReadOnlySpan<char> value)
    {
        // The encoder writes at most 6 characters ("\uXXXX") per UTF-16 code unit; the first value.Length of the
        // scratch hold the repaired copy, the rest the encoded text.
        var scratchLength = 7L * value.Length;
        if (_chars.Length < scratchLength)
        {
            _chars = new char[Math.Max(scratchLength, Math.Min(2L * _chars.Length, Array.MaxLength))];
        }

        var source = _chars.AsSpan(0, value.Length);
        value.CopyTo(source);
        QuoteJson.ReplaceLoneSurrogates(source);
        var encoded = _chars.AsSpan(value.Length);
        var status = Encoder.Encode(source, encoded, out _, out var encodedLength, isFinalBlock: true);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException($"The JSON encoder failed on a string of {value.Length} characters: {status}.");
        }

        var needed = (3L * encodedLength) + 2;
        if (needed > _buffer.Length - Count)
        {
            Grow(needed);
        }

        var destination = _buffer.AsSpan(Count);
        destination[0] = (byte)'"';
        Utf8.FromUtf16(encoded[..encodedLength], destination[1..], out _, out var written, replaceInvalidSequences: false);
        destination[written + 1] = (byte)'"';
        Count += written + 2;
    }

    private void WriteThousandths(long thousandths)
    {
        var destination = _buffer.AsSpan(Count);
        var length = 0;
        if (thousandths < 0)
        {
            destination[length++] = (byte)'-';
            thousandths = -thousandths;
        }

        var whole = Math.DivRem(thousandths, 1000, out var fraction);
        Utf8Formatter.TryFormat(whole, destination[length..], out var written);
        length += written;
        if (fraction != 0)
        {
            destination[length++] = (byte)'.';
            destination[length++] = (byte)('0' + (fraction / 100));
            fraction %= 100;
            if (fraction != 0)
            {
                destination[length++] = (byte)('0' + (fraction / 10));
                fraction %= 10;
                if (fraction != 0)
                {
                    destination[length++] = (byte)('0' + fraction);
                }
            }
        }

        Count += length;
    }

    private void Grow(long needed)
    {
        var size = Math.Max(2L * _buffer.Length, Count + needed);
        if (size > Array.MaxLength)
        {
            size = Array.MaxLength;
            if (Count + needed > size)
            {
                throw new OutOfMemoryException("The JSON output exceeds the maximum array size.");
            }
        }

        Array.Resize(ref _buffer, (int)size);
    }

    private static byte[] BuildMayNeedEscaping()
    {
        var bytes = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            if (b < 0x20 || b >= 0x7F || b == '"' || b == '\\')
            {
                bytes.Add((byte)b);
            }
        }

        return [.. bytes];
    }
}
