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
/// Parses a JSONL line with <see cref="Utf8JsonReader"/>, taking only <c>id</c> and <c>text</c> and skipping
/// everything else without materialising it (no <see cref="JsonDocument"/> per line).
/// </summary>
internal static class JsonlLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Parses one line (without its line break).</summary>
    /// <param name="line">The UTF-8 bytes of the line.</param>
    /// <param name="parsed">The id and text when the line is valid.</param>
    /// <param name="error">Why the line is malformed, when it is.</param>
    /// <returns><c>true</c> for a valid line.</returns>
    public static bool TryParse(ReadOnlySpan<byte> line, out JsonlLine parsed, out string? error)
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
