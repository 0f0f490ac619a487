namespace QuoteExtraction;

/// <summary>Settings of a <see cref="QuoteExtractor"/>. Immutable; validated once by <see cref="QuoteExtractor.Create"/>.</summary>
public sealed record QuoteExtractorOptions
{
    /// <summary>The default settings.</summary>
    public static QuoteExtractorOptions Default { get; } = new();

    /// <summary>Documents longer than this many UTF-16 code units are read only up to it, with a warning. Default 16,000,000.</summary>
    public int MaxDocumentLength { get; init; } = 16_000_000;

    /// <summary>At most this many quotations are returned per document; the rest are dropped with a warning. Default 100,000.</summary>
    public int MaxQuotationsPerDocument { get; init; } = 100_000;

    /// <summary>A quotation longer than this many code units is cut back to its first paragraph, with a warning. Default 20,000.</summary>
    public int MaxQuotationLength { get; init; } = 20_000;

    /// <summary>How many paragraphs one quotation may run across before it is treated as unbalanced. Default 12.</summary>
    public int MaxQuotationParagraphs { get; init; } = 12;

    /// <summary>
    /// Return quote-mark spans that are not speech (scare quotes, titles, nicknames, words as words) with kind
    /// <see cref="QuotationKind.Other"/>. Default <c>true</c>: every quote-mark span is returned and labelled, so callers
    /// filter by <see cref="Quotation.Kind"/> rather than lose spans the classifier doubted.
    /// </summary>
    public bool IncludeNonSpeech { get; init; } = true;

    /// <summary>Attribute each speech quotation to a speaker, with its cue. Default <c>true</c>.</summary>
    public bool AttributeSpeakers { get; init; } = true;

    /// <summary>The speaker-attribution model; <c>null</c> uses <see cref="Attribution.AttributionModel.Default"/>, the model embedded in the package.</summary>
    public Attribution.AttributionModel? AttributionModel { get; init; }

    /// <summary>Find each attributed quotation's source: medium, outlet, event and relaying outlet. Default <c>true</c>.</summary>
    public bool AttributeSources { get; init; } = true;

    /// <summary>The medium classifier; <c>null</c> uses <see cref="Sources.MediumModel.Default"/> (rules when none is embedded).</summary>
    public Sources.MediumModel? MediumModel { get; init; }

    /// <summary>Decide the medium with the classifier (default) or, when <c>false</c>, with the rules alone (the baseline).</summary>
    public bool UseMediumClassifier { get; init; } = true;

    /// <summary>
    /// Find the fact claims of the document (<see cref="QuoteExtractionResult.Claims"/>). Default <c>false</c>: the claims
    /// stage reads every sentence and about halves corpus throughput, so it is opted into (<c>quotex extract --claims</c>,
    /// <c>quotex claims</c>).
    /// </summary>
    public bool ExtractClaims { get; init; }

    /// <summary>The check-worthiness model that scores claims; <c>null</c> uses <see cref="Claims.CheckWorthinessModel.Default"/> (a cue-based fallback when none is embedded).</summary>
    public Claims.CheckWorthinessModel? CheckWorthinessModel { get; init; }

    /// <summary>Returns every invalid field, one message each; empty when the options are valid.</summary>
    /// <returns>The messages, naming the field and the value.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxDocumentLength < 1)
        {
            errors.Add($"{nameof(MaxDocumentLength)} must be at least 1 (was {MaxDocumentLength}).");
        }

        if (MaxQuotationsPerDocument < 0)
        {
            errors.Add($"{nameof(MaxQuotationsPerDocument)} must not be negative (was {MaxQuotationsPerDocument}).");
        }

        if (MaxQuotationLength < 2)
        {
            errors.Add($"{nameof(MaxQuotationLength)} must be at least 2 (was {MaxQuotationLength}).");
        }

        if (MaxQuotationParagraphs < 1)
        {
            errors.Add($"{nameof(MaxQuotationParagraphs)} must be at least 1 (was {MaxQuotationParagraphs}).");
        }

        return errors;
    }
}

/// <summary>Thrown when <see cref="QuoteExtractorOptions"/> hold invalid values; lists every bad field at once.</summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception from the validation messages.</summary>
    /// <param name="errors">One message per invalid field.</param>
    public InvalidOptionsException(IReadOnlyList<string> errors)
        : base("Invalid QuoteExtractorOptions: " + string.Join(" ", errors ?? []), "options")
    {
        Errors = errors ?? [];
    }

    /// <summary>One message per invalid field.</summary>
    public IReadOnlyList<string> Errors { get; }
}
