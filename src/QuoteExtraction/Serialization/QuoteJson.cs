using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace QuoteExtraction.Serialization;

/// <summary>
/// Writes extraction results in the QuoteExtraction JSON contract (camelCase).
/// </summary>
/// <remarks>
/// <para>A document is <c>{"id"?, "quotes": [...], "entities": [...], "claims": [...], "warnings": [...]}</c> (claims: see <see cref="WriteClaim"/>). A quotation is
/// <c>{"start", "end", "text", "kind", "innerStart", "innerEnd", "unclosed", "paragraphs", "speaker", "cue", "source", "confidence"}</c>
/// where <c>start</c>/<c>end</c> are half-open UTF-16 offsets into the document text, <c>kind</c> is lowercase,
/// <c>speaker</c> is <c>null</c> or <c>{"name", "mention"}</c>, <c>cue</c> and <c>mention</c> are <c>null</c> or
/// <c>{"start", "end", "text"}</c>, and <c>source</c> always has <c>medium</c>, <c>outlet</c>, <c>event</c> and
/// <c>reportedBy</c> (explicit <c>null</c>s). These names are a stable contract.</para>
/// <para>Strings with lone UTF-16 surrogates are written with U+FFFD in their place so the output is always valid
/// JSON; offsets are never changed and still refer to the original text.</para>
/// <para>Compact writers (no indentation and <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, as in
/// <see cref="CompactOptions"/>) get the quotes, entities, claims and quantities arrays from a faster internal writer
/// that produces the same bytes; other writers are driven call by call.</para>
/// </remarks>
public static class QuoteJson
{
    /// <summary>Writer options for compact output: non-ASCII letters are written as-is rather than as <c>\uXXXX</c>.</summary>
    /// <remarks>Uses <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>: fine for files and pipes, not for embedding in HTML.</remarks>
    public static JsonWriterOptions CompactOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true, // Our own writer code is well-formed; validation costs ~10% in the JSONL hot path.
    };

    /// <summary>Writer options for indented, human-readable output.</summary>
    public static JsonWriterOptions IndentedOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        SkipValidation = true,
    };

    // Pre-encoded property names: avoids transcoding the same names for every quotation.
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText QuotesName = JsonEncodedText.Encode("quotes");
    private static readonly JsonEncodedText WarningsName = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText PositionName = JsonEncodedText.Encode("position");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText KindProperty = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText InnerStartName = JsonEncodedText.Encode("innerStart");
    private static readonly JsonEncodedText InnerEndName = JsonEncodedText.Encode("innerEnd");
    private static readonly JsonEncodedText UnclosedName = JsonEncodedText.Encode("unclosed");
    private static readonly JsonEncodedText DepthName = JsonEncodedText.Encode("depth");
    private static readonly JsonEncodedText ContinuesNextName = JsonEncodedText.Encode("continuesNext");
    private static readonly JsonEncodedText ContinuesPreviousName = JsonEncodedText.Encode("continuesPrevious");
    private static readonly JsonEncodedText SpeakerName = JsonEncodedText.Encode("speaker");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText MentionName = JsonEncodedText.Encode("mention");
    private static readonly JsonEncodedText CueName = JsonEncodedText.Encode("cue");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText MediumName = JsonEncodedText.Encode("medium");
    private static readonly JsonEncodedText OutletName = JsonEncodedText.Encode("outlet");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText ReportedByName = JsonEncodedText.Encode("reportedBy");
    private static readonly JsonEncodedText EvidenceName = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText InheritedName = JsonEncodedText.Encode("inherited");
    private static readonly JsonEncodedText EntitiesName = JsonEncodedText.Encode("entities");
    private static readonly JsonEncodedText EntityKindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText MentionsName = JsonEncodedText.Encode("mentions");
    private static readonly JsonEncodedText ConfidenceName = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText ClaimsName = JsonEncodedText.Encode("claims");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CheckWorthinessName = JsonEncodedText.Encode("checkWorthiness");
    private static readonly JsonEncodedText QuantitiesName = JsonEncodedText.Encode("quantities");
    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText LowName = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText HighName = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText BoundName = JsonEncodedText.Encode("bound");
    private static readonly JsonEncodedText UnitName = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText NormalizedUnitName = JsonEncodedText.Encode("normalizedUnit");
    private static readonly JsonEncodedText MeasuredName = JsonEncodedText.Encode("measured");
    private static readonly JsonEncodedText ComparisonName = JsonEncodedText.Encode("comparison");
    private static readonly JsonEncodedText DirectionName = JsonEncodedText.Encode("direction");
    private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText AssertedByName = JsonEncodedText.Encode("assertedBy");

    private static readonly JsonEncodedText[] KindValues =
    [
        JsonEncodedText.Encode("direct"),
        JsonEncodedText.Encode("partial"),
        JsonEncodedText.Encode("mixed"),
        JsonEncodedText.Encode("indirect"),
        JsonEncodedText.Encode("other"),
    ];

    /// <summary>Returns the contract name of a kind: <c>direct</c>, <c>partial</c>, <c>mixed</c>, <c>indirect</c> or <c>other</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lowercase name.</returns>
    public static string KindName(QuotationKind kind) => KindValue(kind).Value;

    /// <summary>Serializes one result as a JSON document string.</summary>
    /// <param name="result">The result; its <see cref="QuoteExtractionResult.Id"/> is written when not <c>null</c>.</param>
    /// <param name="indented">Indent the output for reading.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(QuoteExtractionResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedOptions : CompactOptions))
        {
            WriteResult(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one result as a JSON object to a stream (UTF-8, no trailing newline).</summary>
    /// <param name="stream">The stream to write to; it is not closed.</param>
    /// <param name="result">The result.</param>
    /// <param name="indented">Indent the output for reading.</param>
    public static void WriteResult(Stream stream, QuoteExtractionResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new Utf8JsonWriter(stream, indented ? IndentedOptions : CompactOptions);
        WriteResult(writer, result);
    }

    /// <summary>Writes results as JSON Lines: one compact <c>{"id"?, "quotes", "entities", "claims", "warnings"}</c> object per line, in order.</summary>
    /// <remarks>
    /// The format of <c>quotex extract --output</c>, except that <c>id</c> is written only when the result has one (the CLI
    /// always writes it, copied from the input line or the line number). Results are written as they are enumerated, so
    /// a lazy sequence streams.
    /// </remarks>
    /// <param name="stream">The stream to write to (UTF-8); it is flushed, not closed.</param>
    /// <param name="results">The results.</param>
    public static void WriteJsonLines(Stream stream, IEnumerable<QuoteExtractionResult> results)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(results);
        var buffer = new CompactJsonBuffer(1 << 17);
        foreach (var result in results)
        {
            ArgumentNullException.ThrowIfNull(result);
            if (result.Id is null)
            {
                buffer.WriteRaw("{"u8);
            }
            else
            {
                buffer.WriteRaw("{\"id\":"u8);
                buffer.WriteString(result.Id);
                buffer.WriteRaw(","u8);
            }

            WriteResultProperties(buffer, result);
            buffer.WriteRaw("}\n"u8);
            if (buffer.Count >= 1 << 16)
            {
                stream.Write(buffer.WrittenSpan);
                buffer.Clear();
            }
        }

        stream.Write(buffer.WrittenSpan);
        stream.Flush();
    }

    /// <summary>Writes one result as a JSON object: <c>{"id"?, "quotes", "entities", "claims", "warnings"}</c>.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="result">The result; its <see cref="QuoteExtractionResult.Id"/> is written when not <c>null</c>.</param>
    public static void WriteResult(Utf8JsonWriter writer, QuoteExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (result.Id is not null)
        {
            WriteSafeString(writer, IdName, result.Id);
        }

        WriteResultProperties(writer, result);
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>quotes</c>, <c>entities</c>, <c>claims</c> and <c>warnings</c> properties of a result into an object the caller has opened.</summary>
    /// <remarks>Lets callers write their own leading properties (such as an <c>id</c> copied verbatim from the input).</remarks>
    /// <param name="writer">The writer, inside an open object.</param>
    /// <param name="result">The result.</param>
    public static void WriteResultProperties(Utf8JsonWriter writer, QuoteExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (IsCompact(writer))
        {
            var buffer = RentBuffer();
            writer.WritePropertyName(QuotesName);
            WriteQuotes(buffer, result.Quotes);
            WriteRaw(writer, buffer);
            writer.WritePropertyName(EntitiesName);
            WriteEntities(buffer, result.Entities);
            WriteRaw(writer, buffer);
            writer.WritePropertyName(ClaimsName);
            WriteClaims(buffer, result.Claims);
            WriteRaw(writer, buffer);
            writer.WritePropertyName(WarningsName);
            WriteWarnings(buffer, result.Warnings);
            WriteRaw(writer, buffer);
            return;
        }

        WriteResultPropertiesWithWriter(writer, result);
    }

    /// <summary>The <see cref="Utf8JsonWriter"/> form of <see cref="WriteResultProperties(Utf8JsonWriter, QuoteExtractionResult)"/>, for any writer options (the reference the compact buffer is tested against).</summary>
    internal static void WriteResultPropertiesWithWriter(Utf8JsonWriter writer, QuoteExtractionResult result)
    {
        writer.WritePropertyName(QuotesName);
        writer.WriteStartArray();
        var quotes = result.Quotes;
        for (var i = 0; i < quotes.Count; i++)
        {
            WriteQuotation(writer, quotes[i]);
        }

        writer.WriteEndArray();

        writer.WritePropertyName(EntitiesName);
        writer.WriteStartArray();
        foreach (var entity in result.Entities)
        {
            writer.WriteStartObject();
            WriteSafeString(writer, NameName, entity.Name);
            writer.WriteString(EntityKindName, entity.Kind);
            writer.WritePropertyName(MentionsName);
            writer.WriteStartArray();
            foreach (var mention in entity.Mentions)
            {
                WriteSpan(writer, mention);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WritePropertyName(ClaimsName);
        WriteClaimsWithWriter(writer, result.Claims);

        writer.WritePropertyName(WarningsName);
        writer.WriteStartArray();
        var warnings = result.Warnings;
        for (var i = 0; i < warnings.Count; i++)
        {
            WriteWarning(writer, warnings[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one quotation as a JSON object.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="quote">The quotation.</param>
    public static void WriteQuotation(Utf8JsonWriter writer, Quotation quote)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quote);
        writer.WriteStartObject();
        writer.WriteNumber(StartName, quote.Start);
        writer.WriteNumber(EndName, quote.End);
        WriteSafeString(writer, TextName, quote.Text);
        writer.WriteString(KindProperty, KindValue(quote.Kind));
        writer.WriteNumber(InnerStartName, quote.InnerStart);
        writer.WriteNumber(InnerEndName, quote.InnerEnd);
        writer.WriteBoolean(UnclosedName, quote.Unclosed);
        writer.WriteNumber(DepthName, quote.Depth);
        writer.WriteBoolean(ContinuesNextName, quote.ContinuesNext);
        writer.WriteBoolean(ContinuesPreviousName, quote.ContinuesPrevious);

        writer.WritePropertyName(SpeakerName);
        if (quote.Speaker is { } speaker)
        {
            writer.WriteStartObject();
            WriteSafeString(writer, NameName, speaker.Name);
            writer.WritePropertyName(MentionName);
            WriteSpan(writer, speaker.Mention);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(CueName);
        WriteSpan(writer, quote.Cue);

        var source = quote.Source ?? QuoteSource.Unknown;
        writer.WritePropertyName(SourceName);
        writer.WriteStartObject();
        WriteSafeString(writer, MediumName, source.Medium);
        WriteSafeString(writer, OutletName, source.Outlet);
        WriteSafeString(writer, EventName, source.Event);
        WriteSafeString(writer, ReportedByName, source.ReportedBy);
        if (source.MediumEvidence is not null || source.OutletEvidence is not null || source.EventEvidence is not null || source.ReportedByEvidence is not null)
        {
            writer.WritePropertyName(EvidenceName);
            writer.WriteStartObject();
            writer.WritePropertyName(MediumName);
            WriteSpan(writer, source.MediumEvidence);
            writer.WritePropertyName(OutletName);
            WriteSpan(writer, source.OutletEvidence);
            writer.WritePropertyName(EventName);
            WriteSpan(writer, source.EventEvidence);
            writer.WritePropertyName(ReportedByName);
            WriteSpan(writer, source.ReportedByEvidence);
            writer.WriteEndObject();
        }

        writer.WriteBoolean(InheritedName, source.Inherited);
        writer.WriteEndObject();

        // NaN/Infinity are not JSON numbers; a broken score must not break the output.
        writer.WriteNumber(ConfidenceName, double.IsFinite(quote.Confidence) ? quote.Confidence : 0.0);
        writer.WriteEndObject();
    }

    /// <summary>Writes a JSON array of claims.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="claims">The claims.</param>
    public static void WriteClaims(Utf8JsonWriter writer, IReadOnlyList<Claims.Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(claims);
        if (IsCompact(writer))
        {
            var buffer = RentBuffer();
            WriteClaims(buffer, claims);
            WriteRaw(writer, buffer);
            return;
        }

        WriteClaimsWithWriter(writer, claims);
    }

    /// <summary>The <see cref="Utf8JsonWriter"/> form of <see cref="WriteClaims(Utf8JsonWriter, IReadOnlyList{Claims.Claim})"/>, for any writer options.</summary>
    internal static void WriteClaimsWithWriter(Utf8JsonWriter writer, IReadOnlyList<Claims.Claim> claims)
    {
        writer.WriteStartArray();
        for (var i = 0; i < claims.Count; i++)
        {
            WriteClaim(writer, claims[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes one claim: <c>{"start", "end", "text", "type", "checkWorthiness", "quantities", "time", "comparison", "assertedBy"}</c>
    /// where <c>time</c> is <c>null</c> or <c>{"text", "value"}</c>, <c>comparison</c> is <c>null</c> or
    /// <c>{"direction", "reference": null | {"value", "text"}}</c> and <c>assertedBy</c> is <c>{"name", "kind"}</c>.
    /// </summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="claim">The claim.</param>
    public static void WriteClaim(Utf8JsonWriter writer, Claims.Claim claim)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(claim);
        writer.WriteStartObject();
        writer.WriteNumber(StartName, claim.Start);
        writer.WriteNumber(EndName, claim.End);
        WriteSafeString(writer, TextName, claim.Text);
        WriteSafeString(writer, TypeName, claim.Type);
        writer.WriteNumber(CheckWorthinessName, double.IsFinite(claim.CheckWorthiness) ? claim.CheckWorthiness : 0.0);
        writer.WritePropertyName(QuantitiesName);
        WriteQuantitiesWithWriter(writer, claim.Quantities);
        writer.WritePropertyName(TimeName);
        if (claim.Time is { } time)
        {
            writer.WriteStartObject();
            WriteSafeString(writer, TextName, time.Text);
            WriteSafeString(writer, ValueName, time.Value);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(ComparisonName);
        if (claim.Comparison is { } comparison)
        {
            writer.WriteStartObject();
            WriteSafeString(writer, DirectionName, comparison.Direction);
            writer.WritePropertyName(ReferenceName);
            if (comparison.Reference is { } reference)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(ValueName);
                WriteNumberOrNull(writer, reference.Value);
                WriteSafeString(writer, TextName, reference.Text);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(AssertedByName);
        writer.WriteStartObject();
        WriteSafeString(writer, NameName, claim.AssertedBy.Name);
        WriteSafeString(writer, EntityKindName, claim.AssertedBy.Kind);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a JSON array of quantities, each <c>{"start", "end", "text", "value", "low"?, "high"?, "bound", "unit", "normalizedUnit", "measured"}</c>
    /// (<c>low</c> and <c>high</c> only for ranges; <c>bound</c> is one of "=", "~", "&gt;", "&gt;=", "&lt;", "&lt;=").
    /// </summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="quantities">The quantities.</param>
    public static void WriteQuantities(Utf8JsonWriter writer, IReadOnlyList<Claims.Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quantities);
        if (IsCompact(writer))
        {
            var buffer = RentBuffer();
            WriteQuantities(buffer, quantities);
            WriteRaw(writer, buffer);
            return;
        }

        WriteQuantitiesWithWriter(writer, quantities);
    }

    /// <summary>The <see cref="Utf8JsonWriter"/> form of <see cref="WriteQuantities(Utf8JsonWriter, IReadOnlyList{Claims.Quantity})"/>, for any writer options.</summary>
    internal static void WriteQuantitiesWithWriter(Utf8JsonWriter writer, IReadOnlyList<Claims.Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        writer.WriteStartArray();
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            writer.WriteStartObject();
            writer.WriteNumber(StartName, q.Start);
            writer.WriteNumber(EndName, q.End);
            WriteSafeString(writer, TextName, q.Text);
            writer.WritePropertyName(ValueName);
            WriteNumberOrNull(writer, q.Value);
            if (q.IsRange)
            {
                writer.WritePropertyName(LowName);
                WriteNumberOrNull(writer, q.Low);
                writer.WritePropertyName(HighName);
                WriteNumberOrNull(writer, q.High);
            }

            writer.WriteString(BoundName, q.BoundSymbol);
            WriteSafeString(writer, UnitName, q.Unit);
            WriteSafeString(writer, NormalizedUnitName, q.NormalizedUnit);
            WriteSafeString(writer, MeasuredName, q.Measured);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes one warning as <c>{"code", "message", "position"}</c> (position may be <c>null</c>).</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="warning">The warning.</param>
    public static void WriteWarning(Utf8JsonWriter writer, ExtractionWarning warning)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(warning);
        writer.WriteStartObject();
        WriteSafeString(writer, CodeName, warning.Code);
        WriteSafeString(writer, MessageName, warning.Message);
        if (warning.Position is { } position)
        {
            writer.WriteNumber(PositionName, position);
        }
        else
        {
            writer.WriteNull(PositionName);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a string property whose value may be <c>null</c> or hold lone surrogates (see <see cref="WriteSafeString(Utf8JsonWriter, string?)"/>).</summary>
    private static void WriteSafeString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        writer.WritePropertyName(name);
        WriteSafeString(writer, value);
    }

    /// <summary>Writes a string value, or <c>null</c>, replacing lone UTF-16 surrogates with U+FFFD.</summary>
    /// <remarks><see cref="Utf8JsonWriter"/> throws on invalid UTF-16; text from the wild may hold lone surrogates.</remarks>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="value">The string, or <c>null</c>.</param>
    public static void WriteSafeString(Utf8JsonWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var span = value.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || IsWellFormedFrom(span, first))
        {
            writer.WriteStringValue(span);
            return;
        }

        char[]? rented = null;
        var copy = span.Length <= 512 ? stackalloc char[span.Length] : (rented = ArrayPool<char>.Shared.Rent(span.Length)).AsSpan(0, span.Length);
        span.CopyTo(copy);
        ReplaceLoneSurrogates(copy, first);
        writer.WriteStringValue(copy);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Replaces every lone UTF-16 surrogate in <paramref name="text"/> with U+FFFD, in place.</summary>
    /// <param name="text">The characters to fix.</param>
    /// <returns>The number of characters replaced.</returns>
    public static int ReplaceLoneSurrogates(Span<char> text) => ReplaceLoneSurrogates(text, 0);

    private static int ReplaceLoneSurrogates(Span<char> text, int from)
    {
        var replaced = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                text[i] = '\uFFFD';
                replaced++;
            }
        }

        return replaced;
    }

    private static bool IsWellFormedFrom(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteSpan(Utf8JsonWriter writer, TextSpan? span)
    {
        if (span is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber(StartName, span.Start);
        writer.WriteNumber(EndName, span.End);
        WriteSafeString(writer, TextName, span.Text);
        writer.WriteEndObject();
    }

    // Compact output without Utf8JsonWriter's per-call work: the same bytes the writer code above produces with
    // CompactOptions (tests compare the two on every field). Writers that indent or use another encoder keep the
    // writer code, which stays the reference.
    [ThreadStatic]
    private static CompactJsonBuffer? t_buffer;

    /// <summary>Whether <paramref name="writer"/> writes what <see cref="CompactJsonBuffer"/> writes: no indentation, the relaxed encoder.</summary>
    private static bool IsCompact(Utf8JsonWriter writer)
    {
        var options = writer.Options;
        return !options.Indented && ReferenceEquals(options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>The calling thread's buffer, cleared (one per thread: the CLI serializes batches in parallel).</summary>
    private static CompactJsonBuffer RentBuffer()
    {
        var buffer = t_buffer ??= new CompactJsonBuffer();
        buffer.Clear();
        return buffer;
    }

    /// <summary>Hands the buffer to the writer as one value and clears it.</summary>
    private static void WriteRaw(Utf8JsonWriter writer, CompactJsonBuffer buffer)
    {
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        buffer.Clear();
    }

    /// <summary>Writes <c>"quotes":[...],"entities":[...],"claims":[...],"warnings":[...]</c> (no braces) to a compact buffer.</summary>
    internal static void WriteResultProperties(CompactJsonBuffer buffer, QuoteExtractionResult result)
    {
        buffer.WriteRaw("\"quotes\":"u8);
        WriteQuotes(buffer, result.Quotes);
        buffer.WriteRaw(",\"entities\":"u8);
        WriteEntities(buffer, result.Entities);
        buffer.WriteRaw(",\"claims\":"u8);
        WriteClaims(buffer, result.Claims);
        buffer.WriteRaw(",\"warnings\":"u8);
        WriteWarnings(buffer, result.Warnings);
    }

    private static void WriteQuotes(CompactJsonBuffer buffer, IReadOnlyList<Quotation> quotes)
    {
        buffer.WriteRaw("["u8);
        for (var i = 0; i < quotes.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteRaw(","u8);
            }

            WriteQuotation(buffer, quotes[i]);
        }

        buffer.WriteRaw("]"u8);
    }

    private static void WriteQuotation(CompactJsonBuffer buffer, Quotation quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        buffer.WriteRaw("{\"start\":"u8);
        buffer.WriteNumber(quote.Start);
        buffer.WriteRaw(",\"end\":"u8);
        buffer.WriteNumber(quote.End);
        buffer.WriteRaw(",\"text\":"u8);
        buffer.WriteString(quote.Text);
        buffer.WriteRaw(",\"kind\":"u8);
        buffer.WriteRaw(KindJson(quote.Kind));
        buffer.WriteRaw(",\"innerStart\":"u8);
        buffer.WriteNumber(quote.InnerStart);
        buffer.WriteRaw(",\"innerEnd\":"u8);
        buffer.WriteNumber(quote.InnerEnd);
        buffer.WriteRaw(",\"unclosed\":"u8);
        buffer.WriteBoolean(quote.Unclosed);
        buffer.WriteRaw(",\"depth\":"u8);
        buffer.WriteNumber(quote.Depth);
        buffer.WriteRaw(",\"continuesNext\":"u8);
        buffer.WriteBoolean(quote.ContinuesNext);
        buffer.WriteRaw(",\"continuesPrevious\":"u8);
        buffer.WriteBoolean(quote.ContinuesPrevious);
        buffer.WriteRaw(",\"speaker\":"u8);
        if (quote.Speaker is { } speaker)
        {
            buffer.WriteRaw("{\"name\":"u8);
            buffer.WriteString(speaker.Name);
            buffer.WriteRaw(",\"mention\":"u8);
            WriteSpan(buffer, speaker.Mention);
            buffer.WriteRaw("}"u8);
        }
        else
        {
            buffer.WriteNull();
        }

        buffer.WriteRaw(",\"cue\":"u8);
        WriteSpan(buffer, quote.Cue);

        var source = quote.Source ?? QuoteSource.Unknown;
        buffer.WriteRaw(",\"source\":{\"medium\":"u8);
        buffer.WriteString(source.Medium);
        buffer.WriteRaw(",\"outlet\":"u8);
        buffer.WriteString(source.Outlet);
        buffer.WriteRaw(",\"event\":"u8);
        buffer.WriteString(source.Event);
        buffer.WriteRaw(",\"reportedBy\":"u8);
        buffer.WriteString(source.ReportedBy);
        if (source.MediumEvidence is not null || source.OutletEvidence is not null || source.EventEvidence is not null || source.ReportedByEvidence is not null)
        {
            buffer.WriteRaw(",\"evidence\":{\"medium\":"u8);
            WriteSpan(buffer, source.MediumEvidence);
            buffer.WriteRaw(",\"outlet\":"u8);
            WriteSpan(buffer, source.OutletEvidence);
            buffer.WriteRaw(",\"event\":"u8);
            WriteSpan(buffer, source.EventEvidence);
            buffer.WriteRaw(",\"reportedBy\":"u8);
            WriteSpan(buffer, source.ReportedByEvidence);
            buffer.WriteRaw("}"u8);
        }

        buffer.WriteRaw(",\"inherited\":"u8);
        buffer.WriteBoolean(source.Inherited);
        buffer.WriteRaw("},\"confidence\":"u8);
        buffer.WriteNumber(double.IsFinite(quote.Confidence) ? quote.Confidence : 0.0);
        buffer.WriteRaw("}"u8);
    }

    private static void WriteEntities(CompactJsonBuffer buffer, IReadOnlyList<DocumentEntity> entities)
    {
        buffer.WriteRaw("["u8);
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            buffer.WriteRaw(i > 0 ? ",{\"name\":"u8 : "{\"name\":"u8);
            buffer.WriteString(entity.Name);
            buffer.WriteRaw(",\"kind\":"u8);
            buffer.WriteString(entity.Kind);
            buffer.WriteRaw(",\"mentions\":["u8);
            var mentions = entity.Mentions;
            for (var j = 0; j < mentions.Count; j++)
            {
                if (j > 0)
                {
                    buffer.WriteRaw(","u8);
                }

                WriteSpan(buffer, mentions[j]);
            }

            buffer.WriteRaw("]}"u8);
        }

        buffer.WriteRaw("]"u8);
    }

    private static void WriteWarnings(CompactJsonBuffer buffer, IReadOnlyList<ExtractionWarning> warnings)
    {
        buffer.WriteRaw("["u8);
        for (var i = 0; i < warnings.Count; i++)
        {
            var warning = warnings[i];
            ArgumentNullException.ThrowIfNull(warning);
            buffer.WriteRaw(i > 0 ? ",{\"code\":"u8 : "{\"code\":"u8);
            buffer.WriteString(warning.Code);
            buffer.WriteRaw(",\"message\":"u8);
            buffer.WriteString(warning.Message);
            buffer.WriteRaw(",\"position\":"u8);
            if (warning.Position is { } position)
            {
                buffer.WriteNumber(position);
            }
            else
            {
                buffer.WriteNull();
            }

            buffer.WriteRaw("}"u8);
        }

        buffer.WriteRaw("]"u8);
    }

    private static void WriteClaims(CompactJsonBuffer buffer, IReadOnlyList<Claims.Claim> claims)
    {
        buffer.WriteRaw("["u8);
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            ArgumentNullException.ThrowIfNull(claim);
            buffer.WriteRaw(i > 0 ? ",{\"start\":"u8 : "{\"start\":"u8);
            buffer.WriteNumber(claim.Start);
            buffer.WriteRaw(",\"end\":"u8);
            buffer.WriteNumber(claim.End);
            buffer.WriteRaw(",\"text\":"u8);
            buffer.WriteString(claim.Text);
            buffer.WriteRaw(",\"type\":"u8);
            buffer.WriteString(claim.Type);
            buffer.WriteRaw(",\"checkWorthiness\":"u8);
            buffer.WriteNumber(double.IsFinite(claim.CheckWorthiness) ? claim.CheckWorthiness : 0.0);
            buffer.WriteRaw(",\"quantities\":"u8);
            WriteQuantities(buffer, claim.Quantities);
            buffer.WriteRaw(",\"time\":"u8);
            if (claim.Time is { } time)
            {
                buffer.WriteRaw("{\"text\":"u8);
                buffer.WriteString(time.Text);
                buffer.WriteRaw(",\"value\":"u8);
                buffer.WriteString(time.Value);
                buffer.WriteRaw("}"u8);
            }
            else
            {
                buffer.WriteNull();
            }

            buffer.WriteRaw(",\"comparison\":"u8);
            if (claim.Comparison is { } comparison)
            {
                buffer.WriteRaw("{\"direction\":"u8);
                buffer.WriteString(comparison.Direction);
                buffer.WriteRaw(",\"reference\":"u8);
                if (comparison.Reference is { } reference)
                {
                    buffer.WriteRaw("{\"value\":"u8);
                    WriteNumberOrNull(buffer, reference.Value);
                    buffer.WriteRaw(",\"text\":"u8);
                    buffer.WriteString(reference.Text);
                    buffer.WriteRaw("}"u8);
                }
                else
                {
                    buffer.WriteNull();
                }

                buffer.WriteRaw("}"u8);
            }
            else
            {
                buffer.WriteNull();
            }

            buffer.WriteRaw(",\"assertedBy\":{\"name\":"u8);
            buffer.WriteString(claim.AssertedBy.Name);
            buffer.WriteRaw(",\"kind\":"u8);
            buffer.WriteString(claim.AssertedBy.Kind);
            buffer.WriteRaw("}}"u8);
        }

        buffer.WriteRaw("]"u8);
    }

    private static void WriteQuantities(CompactJsonBuffer buffer, IReadOnlyList<Claims.Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        buffer.WriteRaw("["u8);
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            buffer.WriteRaw(i > 0 ? ",{\"start\":"u8 : "{\"start\":"u8);
            buffer.WriteNumber(q.Start);
            buffer.WriteRaw(",\"end\":"u8);
            buffer.WriteNumber(q.End);
            buffer.WriteRaw(",\"text\":"u8);
            buffer.WriteString(q.Text);
            buffer.WriteRaw(",\"value\":"u8);
            WriteNumberOrNull(buffer, q.Value);
            if (q.IsRange)
            {
                buffer.WriteRaw(",\"low\":"u8);
                WriteNumberOrNull(buffer, q.Low);
                buffer.WriteRaw(",\"high\":"u8);
                WriteNumberOrNull(buffer, q.High);
            }

            buffer.WriteRaw(",\"bound\":"u8);
            buffer.WriteString(q.BoundSymbol);
            buffer.WriteRaw(",\"unit\":"u8);
            buffer.WriteString(q.Unit);
            buffer.WriteRaw(",\"normalizedUnit\":"u8);
            buffer.WriteString(q.NormalizedUnit);
            buffer.WriteRaw(",\"measured\":"u8);
            buffer.WriteString(q.Measured);
            buffer.WriteRaw("}"u8);
        }

        buffer.WriteRaw("]"u8);
    }

    private static void WriteNumberOrNull(CompactJsonBuffer buffer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            buffer.WriteNumber(v);
        }
        else
        {
            buffer.WriteNull();
        }
    }

    private static void WriteSpan(CompactJsonBuffer buffer, TextSpan? span)
    {
        if (span is null)
        {
            buffer.WriteNull();
            return;
        }

        buffer.WriteRaw("{\"start\":"u8);
        buffer.WriteNumber(span.Start);
        buffer.WriteRaw(",\"end\":"u8);
        buffer.WriteNumber(span.End);
        buffer.WriteRaw(",\"text\":"u8);
        buffer.WriteString(span.Text);
        buffer.WriteRaw("}"u8);
    }

    private static ReadOnlySpan<byte> KindJson(QuotationKind kind) => kind switch
    {
        QuotationKind.Direct => "\"direct\""u8,
        QuotationKind.Partial => "\"partial\""u8,
        QuotationKind.Mixed => "\"mixed\""u8,
        QuotationKind.Indirect => "\"indirect\""u8,
        _ => "\"other\""u8,
    };

    private static JsonEncodedText KindValue(QuotationKind kind) =>
        (uint)kind < (uint)KindValues.Length ? KindValues[(int)kind] : KindValues[(int)QuotationKind.Other];
}
