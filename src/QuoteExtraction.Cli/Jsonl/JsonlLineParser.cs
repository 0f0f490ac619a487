using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace QuoteExtraction.Cli.Jsonl;

/// <summary>One parsed input line: the raw <c>id</c> token (if any) and the unescaped text.</summary>
internal readonly ref struct JsonlLine
{
    public JsonlLine(ReadOnlySpan<byte> rawId, string text)
    {
        RawId = rawId;
        Text = text;
    }

    /// <summary>The <c>id</c> value exactly as written in the input (a JSON string with quotes, or a number); empty when absent.</summary>
    public ReadOnlySpan<byte> RawId { get; }

    /// <summary>The document text.</summary>
    public string Text { get; }
}

/// <summary>
/// Parses a JSONL line, taking only <c>id</c> and <c>text</c> and skipping everything else without materialising it
/// (no <see cref="JsonDocument"/> per line).
/// </summary>
/// <remarks>
/// The usual line, one flat object of string values (<c>{"id": "...", "source": "...", "text": "..."}</c>), is read by a
/// small scanner (<see cref="TryParseFlat"/>); anything else, including every malformed line, by
/// <see cref="Utf8JsonReader"/>, which also words the errors. The scanner accepts only what the reader accepts and gives
/// the same id and text: the reader validates the escapes of a string byte by byte, which made it cost about as much as
/// writing the output with claims.
/// </remarks>
internal static class JsonlLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    // What ends a run of plain string content: the closing quote, an escape, or a control character (not allowed raw).
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(BuildStringSpecials());

    /// <summary>Parses one line (without its line break).</summary>
    /// <param name="line">The UTF-8 bytes of the line.</param>
    /// <param name="parsed">The id and text when the line is valid.</param>
    /// <param name="error">Why the line is malformed, when it is.</param>
    /// <returns><c>true</c> for a valid line.</returns>
    public static bool TryParse(ReadOnlySpan<byte> line, out JsonlLine parsed, out string? error)
    {
        if (TryParseFlat(line, out parsed))
        {
            error = null;
            return true;
        }

        return TryParseWithReader(line, out parsed, out error);
    }

    /// <summary>Parses one line with <see cref="Utf8JsonReader"/> (any valid shape; explains malformed lines).</summary>
    internal static bool TryParseWithReader(ReadOnlySpan<byte> line, out JsonlLine parsed, out string? error)
    {
        parsed = default;
        try
        {
            return TryParseCore(line, out parsed, out error);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + Describe(ex);
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> line, out JsonlLine parsed, out string? error)
    {
        parsed = default;
        var reader = new Utf8JsonReader(line, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return false;
        }

        ReadOnlySpan<byte> rawId = default;
        string? text = null;
        var textType = JsonTokenType.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Property names in this format are plain ASCII; ValueTextEquals also handles escaped names.
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                textType = reader.TokenType;
                if (textType == JsonTokenType.String)
                {
                    text = ReadString(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    rawId = reader.ValueSpan;
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    // The whole token with its quotes and escapes, so the id is copied byte for byte.
                    var start = (int)reader.TokenStartIndex;
                    rawId = line.Slice(start, reader.ValueSpan.Length + 2);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            error = "invalid JSON: unexpected end of line";
            return false;
        }

        if (reader.Read())
        {
            error = "invalid JSON: trailing content after the object";
            return false;
        }

        if (text is null)
        {
            error = textType == JsonTokenType.None ? "missing \"text\"" : $"\"text\" is not a string ({TokenName(textType)})";
            return false;
        }

        if (!rawId.IsEmpty && !Utf8.IsValid(rawId))
        {
            // Copying invalid UTF-8 through would make the output line invalid JSON; fall back to the line number.
            rawId = default;
        }

        parsed = new JsonlLine(rawId, text);
        error = null;
        return true;
    }

    /// <summary>
    /// Parses a line that is one object whose values are all strings, with unescaped keys each given once; returns
    /// <c>false</c> for anything else (the reader then decides), so what it accepts is valid JSON the reader reads the same.
    /// </summary>
    internal static bool TryParseFlat(ReadOnlySpan<byte> line, out JsonlLine parsed)
    {
        parsed = default;
        var i = SkipWhitespace(line, 0);
        if (i >= line.Length || line[i] != (byte)'{')
        {
            return false;
        }

        ReadOnlySpan<byte> rawId = default;
        ReadOnlySpan<byte> rawText = default;
        bool hasId = false, hasText = false, textEscaped = false;
        i = SkipWhitespace(line, i + 1);
        while (true)
        {
            if (!TryScanString(line, i, out var keyEnd, out var keyEscaped) || keyEscaped)
            {
                return false;
            }

            var key = line[(i + 1)..keyEnd];
            i = SkipWhitespace(line, keyEnd + 1);
            if (i >= line.Length || line[i] != (byte)':')
            {
                return false;
            }

            i = SkipWhitespace(line, i + 1);
            if (!TryScanString(line, i, out var valueEnd, out var valueEscaped))
            {
                return false; // Not a string (numbers, objects, ...) or malformed.
            }

            if (key.SequenceEqual("text"u8))
            {
                if (hasText)
                {
                    return false;
                }

                hasText = true;
                rawText = line[(i + 1)..valueEnd];
                textEscaped = valueEscaped;
            }
            else if (key.SequenceEqual("id"u8))
            {
                if (hasId)
                {
                    return false;
                }

                hasId = true;
                rawId = line[i..(valueEnd + 1)]; // With its quotes and escapes, as the reader path copies it.
            }

            i = SkipWhitespace(line, valueEnd + 1);
            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == (byte)',')
            {
                i = SkipWhitespace(line, i + 1);
                continue;
            }

            if (line[i] != (byte)'}')
            {
                return false;
            }

            break;
        }

        if (!hasText || SkipWhitespace(line, i + 1) != line.Length)
        {
            return false;
        }

        if (!rawId.IsEmpty && !Utf8.IsValid(rawId))
        {
            rawId = default; // As in the reader path: invalid UTF-8 must not reach the output.
        }

        parsed = new JsonlLine(rawId, DecodeString(rawText, textEscaped));
        return true;
    }

    // JSON whitespace: space, tab, line feed, carriage return.
    private static int SkipWhitespace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Checks the JSON string starting with the quote at <paramref name="open"/> as <see cref="Utf8JsonReader"/> does (no raw
    /// control characters; escapes <c>\" \\ \/ \b \f \n \r \t \uXXXX</c>); bytes of 0x80 and up are not checked here, as the reader does not.
    /// </summary>
    private static bool TryScanString(ReadOnlySpan<byte> line, int open, out int close, out bool escaped)
    {
        close = -1;
        escaped = false;
        if (open >= line.Length || line[open] != (byte)'"')
        {
            return false;
        }

        var i = open + 1;
        while (true)
        {
            var next = line[i..].IndexOfAny(StringSpecials);
            if (next < 0)
            {
                return false;
            }

            i += next;
            var b = line[i];
            if (b == (byte)'"')
            {
                close = i;
                return true;
            }

            if (b != (byte)'\\' || i + 1 >= line.Length)
            {
                return false;
            }

            escaped = true;
            switch (line[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u' when i + 5 < line.Length && TryParseHex(line.Slice(i + 2, 4), out _):
                    i += 6;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Decodes the body of a string <see cref="TryScanString"/> accepted, giving what the reader path gives: its
    /// <c>GetString</c> when that succeeds, else <see cref="UnescapeLenient"/>; the two agree wherever both apply, so this
    /// is <see cref="UnescapeLenient"/> without the string builder (invalid UTF-8 as U+FFFD, lone surrogate escapes kept).
    /// </summary>
    private static string DecodeString(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        // Never more UTF-16 code units than bytes: a run decodes to at most one unit per byte, an escape to one unit.
        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        var chars = rented.AsSpan();
        var length = 0;
        var i = 0;
        while (true)
        {
            // Plain ASCII up to the next backslash or non-ASCII byte: most of a news text, widened in the same pass
            // that looks for the stop (escapes come every hundred bytes or so, a call to a search and a transcoder
            // for each run cost more than the run).
            var plain = WidenPlainAscii(raw[i..], chars[length..]);
            i += plain;
            length += plain;
            if (i >= raw.Length)
            {
                break;
            }

            if (raw[i] != (byte)'\\')
            {
                // Non-ASCII: the rest of the run up to the next escape goes to the UTF-8 decoder (invalid bytes as
                // U+FFFD). Cutting the run after ASCII bytes decodes it as a whole would.
                var backslash = raw[i..].IndexOf((byte)'\\');
                var run = backslash < 0 ? raw[i..] : raw.Slice(i, backslash);
                length += Encoding.UTF8.GetChars(run, chars[length..]);
                i += run.Length;
                if (backslash < 0)
                {
                    break;
                }
            }

            var escape = raw[i + 1];
            if (escape == (byte)'u')
            {
                TryParseHex(raw.Slice(i + 2, 4), out var code);
                chars[length++] = (char)code;
                i += 6;
            }
            else
            {
                chars[length++] = escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape, // '"', '\\' and '/' stand for themselves.
                };
                i += 2;
            }
        }

        var text = new string(chars[..length]);
        ArrayPool<char>.Shared.Return(rented);
        return text;
    }

    /// <summary>
    /// Widens the leading bytes of <paramref name="source"/> that are ASCII other than '\\' into <paramref name="destination"/>
    /// (at least as long) and returns how many there were.
    /// </summary>
    internal static int WidenPlainAscii(ReadOnlySpan<byte> source, Span<char> destination)
    {
        var length = source.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var from = ref MemoryMarshal.GetReference(source);
            ref var to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
            var backslash = Vector256.Create((byte)'\\');
            for (; i <= length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref from, (nuint)i);
                // Widened whole: chars past the stop are overwritten by the caller.
                var (lower, upper) = Vector256.Widen(bytes);
                lower.StoreUnsafe(ref to, (nuint)i);
                upper.StoreUnsafe(ref to, (nuint)(i + Vector256<ushort>.Count));
                var stops = Vector256.Equals(bytes, backslash).ExtractMostSignificantBits() | bytes.ExtractMostSignificantBits();
                if (stops != 0)
                {
                    return i + BitOperations.TrailingZeroCount(stops);
                }
            }
        }

        for (; i < length; i++)
        {
            var b = source[i];
            if (b >= 0x80 || b == (byte)'\\')
            {
                break;
            }

            destination[i] = (char)b;
        }

        return i;
    }

    private static byte[] BuildStringSpecials()
    {
        var bytes = new List<byte> { (byte)'"', (byte)'\\' };
        for (var b = 0; b < 0x20; b++)
        {
            bytes.Add((byte)b);
        }

        return [.. bytes];
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // GetString rejects escaped lone surrogates ("\ud800") and invalid UTF-8. Real corpora have both;
            // keep the document and decode leniently (lone surrogates kept as-is, bad bytes as U+FFFD).
            return UnescapeLenient(reader.ValueSpan);
        }
    }

    /// <summary>Unescapes a JSON string body without validating surrogate pairs; invalid UTF-8 becomes U+FFFD.</summary>
    internal static string UnescapeLenient(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        var utf8 = new UTF8Encoding(false, false);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var plain = backslash < 0 ? raw : raw[..backslash];
            if (!plain.IsEmpty)
            {
                sb.Append(utf8.GetString(plain));
            }

            if (backslash < 0)
            {
                break;
            }

            raw = raw[backslash..];
            if (raw.Length < 2)
            {
                sb.Append('\uFFFD');
                break;
            }

            var consumed = 2;
            switch (raw[1])
            {
                case (byte)'"': sb.Append('"'); break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'/': sb.Append('/'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'u' when raw.Length >= 6 && TryParseHex(raw.Slice(2, 4), out var code):
                    sb.Append((char)code);
                    consumed = 6;
                    break;
                default:
                    sb.Append('\uFFFD');
                    break;
            }

            raw = raw[consumed..];
        }

        return sb.ToString();
    }

    private static bool TryParseHex(ReadOnlySpan<byte> hex, out int value)
    {
        value = 0;
        foreach (var b in hex)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    // JsonException messages end in "LineNumber: 0 | BytePositionInLine: 17." which misleads for JSONL (the line is
    // reported separately); keep the explanation and give the byte position in the line.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return ex.BytePositionInLine is { } position ? $"{message} (at byte {position + 1})" : message;
    }

    private static string TokenName(JsonTokenType type) => type switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => type.ToString(),
    };
}
