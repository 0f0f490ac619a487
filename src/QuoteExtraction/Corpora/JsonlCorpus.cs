using System.Text;
using System.Text.Json;

namespace QuoteExtraction.Corpora;

/// <summary>
/// The documented training format: JSON Lines, one document per line,
/// <c>{"id": "...", "text": "...", "quotes": [{"start", "end", "speaker": {"start", "end"} | null, "cue": {"start", "end"} | null}]}</c>.
/// Offsets are half-open UTF-16 code units into <c>text</c>; a quotation's span includes its quote marks.
/// A quotation may also give <c>"content": [{"start","end"}, ...]</c> for several fragments (a quotation broken by its attribution).
/// </summary>
public static class JsonlCorpus
{
    /// <summary>Reads a corpus file.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <returns>The documents, in file order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CorpusFormatException">A line is malformed; the exception names the file and line.</exception>
    public static IReadOnlyList<AnnotatedDocument> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads a corpus from a reader.</summary>
    /// <param name="reader">The JSONL text.</param>
    /// <param name="name">A name for error messages.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="CorpusFormatException">A line is malformed.</exception>
    public static IReadOnlyList<AnnotatedDocument> Read(TextReader reader, string name = "corpus")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return JsonLines.Read(reader, name, ParseLine);
    }

    /// <summary>Writes documents in the corpus format (for example to convert PolNeAR).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="documents">The documents.</param>
    public static void Write(TextWriter writer, IEnumerable<AnnotatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var doc in documents)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", doc.Name);
                json.WriteString("text", doc.Text);
                json.WriteStartArray("quotes");
                foreach (var a in doc.Attributions.Where(a => a.Content.Count > 0))
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", a.ContentStart);
                    json.WriteNumber("end", a.ContentEnd);
                    if (a.Content.Count > 1)
                    {
                        json.WriteStartArray("content");
                        foreach (var f in a.Content)
                        {
                            WriteSpan(json, null, f);
                        }

                        json.WriteEndArray();
                    }

                    WriteSpan(json, "speaker", Extent(a.Source));
                    WriteSpan(json, "cue", Extent(a.Cue));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private static TextSpan? Extent(IReadOnlyList<TextSpan> spans) =>
        spans.Count == 0 ? null : new TextSpan(spans[0].Start, spans[^1].End, string.Empty);

    private static void WriteSpan(Utf8JsonWriter json, string? name, TextSpan? span)
    {
        if (name is not null)
        {
            json.WritePropertyName(name);
        }

        if (span is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteEndObject();
    }

    private static AnnotatedDocument ParseLine(JsonElement root, int lineNo)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a line must be a JSON object.");
        }

        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new FormatException("missing string property \"text\".");
        var id = root.TryGetProperty("id", out var idEl) ? (idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()) : $"line-{lineNo}";
        var attributions = new List<AnnotatedAttribution>();
        if (root.TryGetProperty("quotes", out var quotes) && quotes.ValueKind == JsonValueKind.Array)
        {
            int n = 0;
            foreach (var q in quotes.EnumerateArray())
            {
                n++;
                var content = new List<TextSpan>();
                if (q.TryGetProperty("content", out var fragments) && fragments.ValueKind == JsonValueKind.Array)
                {
                    foreach (var f in fragments.EnumerateArray())
                    {
                        content.Add(Span(f, text, $"quotes[{n - 1}].content"));
                    }
                }
                else
                {
                    content.Add(Span(q, text, $"quotes[{n - 1}]"));
                }

                var speaker = q.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.Object ? [Span(s, text, $"quotes[{n - 1}].speaker")] : new List<TextSpan>();
                var cue = q.TryGetProperty("cue", out var c) && c.ValueKind == JsonValueKind.Object ? [Span(c, text, $"quotes[{n - 1}].cue")] : new List<TextSpan>();
                attributions.Add(new AnnotatedAttribution($"Q{n}", content, cue, speaker));
            }
        }

        return new AnnotatedDocument(id, text, attributions);
    }

    private static TextSpan Span(JsonElement element, string text, string where)
    {
        if (!element.TryGetProperty("start", out var s) || !s.TryGetInt32(out int start)
            || !element.TryGetProperty("end", out var e) || !e.TryGetInt32(out int end))
        {
            throw new FormatException($"{where}: needs integer \"start\" and \"end\".");
        }

        if (start < 0 || end < start || end > text.Length)
        {
            throw new FormatException($"{where}: span {start}-{end} lies outside the text ({text.Length} UTF-16 code units).");
        }

        return new TextSpan(start, end, text[start..end]);
    }
}
