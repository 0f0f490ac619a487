namespace QuoteExtraction;

/// <summary>What <see cref="QuoteExtractor.ExtractQuotes(string)"/> found in one document.</summary>
/// <param name="Text">The document text all offsets refer to.</param>
/// <param name="Quotes">The quotations, in document order.</param>
/// <param name="Warnings">Odd input handled by policy (unbalanced quote marks, truncation, ...).</param>
public sealed record QuoteExtractionResult(string Text, IReadOnlyList<Quotation> Quotes, IReadOnlyList<ExtractionWarning> Warnings)
{
    /// <summary>An optional caller-supplied document identifier (set by the batch and streaming overloads).</summary>
    public string? Id { get; init; }

    /// <summary>The speakers, outlets and events the quotations refer to, each once, with their mentions.</summary>
    public IReadOnlyList<DocumentEntity> Entities { get; init; } = [];

    /// <summary>The fact claims of the document, in text order (empty when <see cref="QuoteExtractorOptions.ExtractClaims"/> is off).</summary>
    public IReadOnlyList<Claims.Claim> Claims { get; init; } = [];
}
