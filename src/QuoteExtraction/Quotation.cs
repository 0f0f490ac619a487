namespace QuoteExtraction;

/// <summary>What kind of quotation a span is.</summary>
/// <remarks>
/// <see cref="Direct"/> and <see cref="Partial"/> are speech in quote marks. <see cref="Mixed"/> and
/// <see cref="Indirect"/> are reserved for reported speech. <see cref="Other"/> marks quote-mark spans that
/// are not speech (scare quotes, titles of works, nicknames, words as words); they are returned unless
/// <see cref="QuoteExtractorOptions.IncludeNonSpeech"/> is turned off.
/// </remarks>
public enum QuotationKind
{
    /// <summary>A full utterance in quote marks.</summary>
    Direct,

    /// <summary>A fragment in quote marks inside the writer's own sentence (highlighted "gaps in our defence").</summary>
    Partial,

    /// <summary>Reported speech that contains a quoted fragment (reserved).</summary>
    Mixed,

    /// <summary>Reported speech without quote marks (reserved).</summary>
    Indirect,

    /// <summary>A quote-mark span that is not speech: scare quotes, titles, nicknames, words as words.</summary>
    Other,
}

/// <summary>A span of the source text, as a half-open <c>[Start, End)</c> range of UTF-16 code units, with its text.</summary>
/// <param name="Start">The first UTF-16 code unit of the span.</param>
/// <param name="End">One past the last UTF-16 code unit of the span.</param>
/// <param name="Text">The text of the span, <c>text[Start..End]</c>.</param>
public sealed record TextSpan(int Start, int End, string Text)
{
    /// <summary>The number of UTF-16 code units the span covers.</summary>
    public int Length => End - Start;

    /// <summary>Makes a span of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="start">The first UTF-16 code unit.</param>
    /// <param name="end">One past the last UTF-16 code unit.</param>
    /// <returns>The span with its text copied out.</returns>
    public static TextSpan Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        return new TextSpan(start, end, text.Substring(start, end - start));
    }
}

/// <summary>Who said a quotation.</summary>
/// <param name="Name">The canonical name of the person or organisation ("Keir Starmer").</param>
/// <param name="Mention">The local mention the cue attaches to ("he", "the Prime Minister"), or <c>null</c>.</param>
public sealed record Speaker(string Name, TextSpan? Mention);

/// <summary>Where and through what a quotation was said.</summary>
/// <param name="Medium">speech, interview, statement, op-ed, social-media, press-conference, ...; <c>null</c> when the text gives no evidence.</param>
/// <param name="Outlet">The outlet the speaker spoke through ("Daily Mail" for an op-ed), or <c>null</c>.</param>
/// <param name="Event">The event where it was said ("the summit"), or <c>null</c>.</param>
/// <param name="ReportedBy">A third-party outlet credited with relaying the quotation ("reports the Express"), or <c>null</c>.</param>
public sealed record QuoteSource(string? Medium, string? Outlet, string? Event, string? ReportedBy)
{
    /// <summary>A source with no field known.</summary>
    public static QuoteSource Unknown { get; } = new(null, null, null, null);

    /// <summary>The text that justifies <see cref="Medium"/> ("op-ed", "told CNN", "in a statement"), or <c>null</c>.</summary>
    public TextSpan? MediumEvidence { get; init; }

    /// <summary>The outlet's mention in the text, or <c>null</c>.</summary>
    public TextSpan? OutletEvidence { get; init; }

    /// <summary>The event's mention in the text (possibly an earlier, fuller mention it refers back to), or <c>null</c>.</summary>
    public TextSpan? EventEvidence { get; init; }

    /// <summary>The relaying outlet's mention ("reports the Express"), or <c>null</c>.</summary>
    public TextSpan? ReportedByEvidence { get; init; }

    /// <summary><c>true</c> when the values were carried over from an earlier quotation of the same occasion.</summary>
    public bool Inherited { get; init; }
}

/// <summary>A person, organisation, outlet or event named in the document, with its mentions.</summary>
/// <param name="Name">The canonical name ("Keir Starmer", "Daily Mail", "Organised Immigration Crime (OIC) summit").</param>
/// <param name="Kind">One of <c>person</c>, <c>organization</c>, <c>outlet</c>, <c>event</c>.</param>
/// <param name="Mentions">Where it is mentioned (the mentions the extractor used).</param>
public sealed record DocumentEntity(string Name, string Kind, IReadOnlyList<TextSpan> Mentions);

/// <summary>One quotation found in a document.</summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> give the content span as a half-open range of UTF-16 code units.
/// For a quotation in quote marks the span includes its marks, as PolNeAR marks Content spans.
/// </remarks>
public sealed record Quotation
{
    /// <summary>The first UTF-16 code unit of the content (the opening quote mark for a quotation in marks).</summary>
    public required int Start { get; init; }

    /// <summary>One past the last UTF-16 code unit of the content (past the closing mark, if any).</summary>
    public required int End { get; init; }

    /// <summary>The content text, <c>text[Start..End]</c>.</summary>
    public required string Text { get; init; }

    /// <summary>Whether it is a full utterance, a fragment, reported speech or not speech at all.</summary>
    public required QuotationKind Kind { get; init; }

    /// <summary>The first code unit inside the quote marks (equals <see cref="Start"/> when there are none).</summary>
    public int InnerStart { get; init; }

    /// <summary>One past the last code unit inside the quote marks (equals <see cref="End"/> when there are none).</summary>
    public int InnerEnd { get; init; }

    /// <summary><c>true</c> when no closing mark was found and the span was closed at a paragraph or document end.</summary>
    public bool Unclosed { get; init; }

    /// <summary>How deeply the quotation is nested in other quotations: 0 for a top-level quotation, 1 for a quotation inside it, ...</summary>
    public int Depth { get; init; }

    /// <summary>
    /// <c>true</c> when the quotation runs on into the next paragraph: this piece ends at its paragraph end without a
    /// closing mark, and the next quotation (with <see cref="ContinuesPrevious"/>) carries on the same utterance.
    /// </summary>
    public bool ContinuesNext { get; init; }

    /// <summary><c>true</c> when this piece continues the quotation of the paragraph before (see <see cref="ContinuesNext"/>).</summary>
    public bool ContinuesPrevious { get; init; }

    /// <summary>Who said it, or <c>null</c> when unknown.</summary>
    public Speaker? Speaker { get; init; }

    /// <summary>The speech cue ("said", "told", "according to"), or <c>null</c>.</summary>
    public TextSpan? Cue { get; init; }

    /// <summary>Where and through what it was said.</summary>
    public QuoteSource Source { get; init; } = QuoteSource.Unknown;

    /// <summary>How sure the extractor is that this is a quotation of this kind, from 0 to 1.</summary>
    public double Confidence { get; init; } = 1.0;
}
