using System.Text.Json;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Cli.Jsonl;

/// <summary>A malformed input line: its 1-based number and why it was skipped.</summary>
internal readonly record struct LineError(long Line, string Reason);

/// <summary>Processes one document text and writes its output properties into an object the batch has opened (after <c>id</c>).</summary>
/// <param name="text">The document text.</param>
/// <param name="writer">The writer, inside the line's object.</param>
/// <returns>How many items (quotations, claims) the document gave, for the summary.</returns>
internal delegate int JsonlLineHandler(string text, Utf8JsonWriter writer);

/// <summary>
/// A run of whole input lines and the output lines they produce. Batches are the unit of parallel work;
/// they are reused (buffers kept) so the steady state allocates little beyond the documents themselves.
/// </summary>
internal sealed class JsonlBatch
{
    private readonly Utf8JsonWriter _writer;

    public JsonlBatch(int inputCapacity)
    {
        Input = new byte[inputCapacity];
        Output = new CompactJsonBuffer(inputCapacity / 8);
        _writer = new Utf8JsonWriter(Output, QuoteJson.CompactOptions);
    }

    /// <summary>The input bytes; <c>Input[0..InputLength)</c> holds whole lines (the last may lack its line break at EOF).</summary>
    public byte[] Input { get; set; }

    /// <summary>How many bytes of <see cref="Input"/> are filled.</summary>
    public int InputLength { get; set; }

    /// <summary>How many bytes of <see cref="Input"/> belong to this batch (the rest is the start of the next line).</summary>
    public int LinesLength { get; set; }

    /// <summary>The 1-based line number of the first line in the batch.</summary>
    public long FirstLine { get; set; }

    /// <summary>The output JSONL, one line per valid input line, in input order.</summary>
    public CompactJsonBuffer Output { get; }

    /// <summary>The malformed lines, in input order.</summary>
    public List<LineError> Errors { get; } = [];

    /// <summary>The number of documents processed.</summary>
    public int Documents { get; private set; }

    /// <summary>The number of quotations found.</summary>
    public long Quotations { get; private set; }

    /// <summary>The number of UTF-16 code units of document text processed.</summary>
    public long TextChars { get; private set; }

    /// <summary>Clears the results so the batch can be filled again.</summary>
    public void ResetResults()
    {
        Output.Clear();
        Errors.Clear();
        Documents = 0;
        Quotations = 0;
        TextChars = 0;
    }

    /// <summary>The handler of <c>quotex extract</c>: quotes, entities, claims and warnings.</summary>
    public static JsonlLineHandler ExtractHandler(QuoteExtractor extractor) => (text, writer) =>
    {
        var result = extractor.ExtractQuotes(text);
        QuoteJson.WriteResultProperties(writer, result);
        return result.Quotes.Count;
    };

    /// <summary>Runs <paramref name="handler"/> on every line in the batch and writes the output lines. Never throws for bad input.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="extractor">
    /// The extractor when <paramref name="handler"/> is its <see cref="ExtractHandler"/>: each line is then written
    /// whole by the compact JSON writer (the same bytes), without the <see cref="Utf8JsonWriter"/> in between.
    /// </param>
    public void Process(JsonlLineHandler handler, QuoteExtractor? extractor = null)
    {
        ReadOnlySpan<byte> rest = Input.AsSpan(0, LinesLength);
        var lineNumber = FirstLine;
        if (lineNumber == 1 && rest.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            rest = rest[3..]; // UTF-8 byte order mark written by some Windows tools.
        }

        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline < 0)
            {
                line = rest;
                rest = default;
            }
            else
            {
                line = rest[..newline];
                rest = rest[(newline + 1)..];
            }

            ProcessLine(handler, extractor, line, lineNumber);
            lineNumber++;
        }
    }

    // Only spaces, tabs and carriage returns. A loop rather than IndexOfAnyExcept(" \t\r"u8): its generic helpers are
    // JIT-compiled at start-up, and a line's first byte almost always settles it.
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private void ProcessLine(JsonlLineHandler handler, QuoteExtractor? extractor, ReadOnlySpan<byte> line, long lineNumber)
    {
        if (IsBlank(line))
        {
            return; // Blank lines are skipped silently.
        }

        if (!JsonlLineParser.TryParse(line, out var parsed, out var error))
        {
            Errors.Add(new LineError(lineNumber, error!));
            return;
        }

        var lineStart = Output.Count;
        int items;
        try
        {
            if (extractor is not null)
            {
                items = WriteExtracted(extractor, parsed, lineNumber);
            }
            else
            {
                _writer.Reset(Output); // Reset per line: otherwise the writer puts a comma between top-level values.
                _writer.WriteStartObject();
                _writer.WritePropertyName("id"u8);
                if (parsed.RawId.IsEmpty)
                {
                    _writer.WriteNumberValue(lineNumber);
                }
                else
                {
                    _writer.WriteRawValue(parsed.RawId, skipInputValidation: true);
                }

                items = handler(parsed.Text, _writer);
                _writer.WriteEndObject();
                _writer.Flush();
                Output.WriteRaw("\n"u8);
            }
        }
#pragma warning disable CA1031 // One document's failure must never lose the rest of the corpus.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _writer.Reset(Output);
            Output.Truncate(lineStart); // Take back the half-written line so the output stays valid JSONL.
            Errors.Add(new LineError(lineNumber, $"extraction failed: {ex.GetType().Name}: {ex.Message}"));
            return;
        }

        Documents++;
        Quotations += items;
        TextChars += parsed.Text.Length;
    }

    // quotex extract's line, {"id":...,"quotes":...,"entities":...,"claims":...,"warnings":...}, as the writer path
    // writes it, by the compact JSON writer straight into the batch output (the writer path copied each property's
    // array from the compact buffer into the writer, and the writer's bookkeeping per call cost more than the copies).
    private int WriteExtracted(QuoteExtractor extractor, JsonlLine parsed, long lineNumber)
    {
        var result = extractor.ExtractQuotes(parsed.Text);
        var output = Output;
        output.WriteRaw("{\"id\":"u8);
        if (parsed.RawId.IsEmpty)
        {
            output.WriteNumber(lineNumber);
        }
        else
        {
            output.WriteRaw(parsed.RawId);
        }

        output.WriteRaw(","u8);
        QuoteJson.WriteResultProperties(output, result);
        output.WriteRaw("}\n"u8);
        return result.Quotes.Count;
    }
}
