namespace QuoteExtraction;

/// <summary>Something odd about the input that the extractor handled by policy rather than by failing.</summary>
/// <param name="Code">A stable machine-readable code, one of <see cref="WarningCodes"/>.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Position">The UTF-16 offset the warning is about, or <c>null</c> when it concerns the whole document.</param>
public sealed record ExtractionWarning(string Code, string Message, int? Position = null);

/// <summary>The codes of <see cref="ExtractionWarning"/>.</summary>
public static class WarningCodes
{
    /// <summary>An opening quote mark has no closing mark; the quotation was closed at the paragraph or document end.</summary>
    public const string UnclosedQuote = "unclosed-quote";

    /// <summary>A closing quote mark has no opening mark; it was ignored.</summary>
    public const string UnopenedQuote = "unopened-quote";

    /// <summary>The document is longer than <see cref="QuoteExtractorOptions.MaxDocumentLength"/>; only its start was read.</summary>
    public const string DocumentTruncated = "document-truncated";

    /// <summary>More quotations than <see cref="QuoteExtractorOptions.MaxQuotationsPerDocument"/>; the rest were dropped.</summary>
    public const string TooManyQuotations = "too-many-quotations";

    /// <summary>A quotation ran longer than <see cref="QuoteExtractorOptions.MaxQuotationLength"/>; it was cut back to its paragraph.</summary>
    public const string QuotationTooLong = "quotation-too-long";

    /// <summary>The text holds a lone UTF-16 surrogate or another invalid character; offsets are still UTF-16 code units.</summary>
    public const string InvalidCharacter = "invalid-character";

    /// <summary>Quote marks nest deeper than the extractor follows; inner levels were flattened.</summary>
    public const string NestingTooDeep = "nesting-too-deep";
}
