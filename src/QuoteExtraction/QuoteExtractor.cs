using System.Runtime.CompilerServices;
using QuoteExtraction.Attribution;
using QuoteExtraction.Claims;
using QuoteExtraction.Quotes;
using QuoteExtraction.Text;

namespace QuoteExtraction;

/// <summary>
/// Finds quotations in English news text. Immutable and thread-safe: create one and share it.
/// </summary>
/// <example>
/// <code>
/// var result = QuoteExtractor.Default.ExtractQuotes(text);
/// foreach (var q in result.Quotes) Console.WriteLine($"{q.Kind}: {q.Text}");
/// </code>
/// </example>
public sealed class QuoteExtractor
{
    private readonly QuoteScanner _scanner;
    private readonly Lazy<IClaimScorer> _scorer;

    private QuoteExtractor(QuoteExtractorOptions options)
    {
        Options = options;
        _scanner = new QuoteScanner(options);
        // Loaded on first use: extractors that never look for claims never load the check-worthiness model.
        _scorer = new Lazy<IClaimScorer>(
            () => options.CheckWorthinessModel is { } cw ? cw : ClaimDetector.DefaultScorer(),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The extractor with the default options.</summary>
    public static QuoteExtractor Default { get; } = new(QuoteExtractorOptions.Default);

    /// <summary>The options this extractor was created with.</summary>
    public QuoteExtractorOptions Options { get; }

    /// <summary>Creates an extractor with the given options, validating them once.</summary>
    /// <param name="options">The options.</param>
    /// <returns>A new, thread-safe extractor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="InvalidOptionsException">One or more fields are invalid; all are listed.</exception>
    public static QuoteExtractor Create(QuoteExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors);
        }

        return new QuoteExtractor(options);
    }

    /// <summary>Extracts the quotations of one document.</summary>
    /// <param name="text">The document text. Any string is accepted: unbalanced quote marks and odd Unicode give warnings, not exceptions.</param>
    /// <returns>The quotations, in document order, and the warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <c>null</c>.</exception>
    public QuoteExtractionResult ExtractQuotes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run(text);
    }

    /// <summary>Extracts the quotations of many documents lazily, one result per document, in input order.</summary>
    /// <param name="documents">The document texts; a <c>null</c> entry gives an empty result with a warning.</param>
    /// <param name="cancellationToken">Stops the enumeration between documents.</param>
    /// <returns>One result per input document.</returns>
    public IEnumerable<QuoteExtractionResult> ExtractQuotes(IEnumerable<string> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Iterate(documents, cancellationToken);
    }

    /// <summary>Extracts the quotations of a stream of documents, one result per document, in input order.</summary>
    /// <param name="documents">The document texts.</param>
    /// <param name="cancellationToken">Stops the enumeration between documents.</param>
    /// <returns>One result per input document.</returns>
    public async IAsyncEnumerable<QuoteExtractionResult> ExtractQuotesAsync(
        IAsyncEnumerable<string> documents,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await foreach (var text in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ExtractOrEmpty(text);
        }
    }

    private IEnumerable<QuoteExtractionResult> Iterate(IEnumerable<string> documents, CancellationToken cancellationToken)
    {
        foreach (var text in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ExtractOrEmpty(text);
        }
    }

    private QuoteExtractionResult ExtractOrEmpty(string? text) =>
        text is null
            ? new QuoteExtractionResult(string.Empty, [], [new ExtractionWarning("null-document", "The document was null; it was read as empty.")])
            : Run(text);

    /// <summary>
    /// One unit of <c>quotex claims</c> (a sentence of a transcript, say): the extraction with its claims, the whole unit's
    /// check-worthiness and every quantity parsed (each kind), all from one analysis and one quantity pass over the text.
    /// </summary>
    /// <exception cref="InvalidOperationException">The extractor does not extract claims.</exception>
    internal QuoteExtractionResult ExtractUnit(string text, out double checkWorthiness, out IReadOnlyList<Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Options.ExtractClaims)
        {
            throw new InvalidOperationException("ExtractUnit needs an extractor created with ExtractClaims = true.");
        }

        var result = _scanner.Extract(text);
        var document = TextDocument.Analyze(result.Text);
        result = Attribute(result, document);
        var scorer = _scorer.Value;
        result = result with { Claims = ClaimDetector.Detect(document, result.Quotes, scorer, result.Entities, out quantities) };
        checkWorthiness = ClaimDetector.UnitScore(document, scorer);
        return result;
    }

    private QuoteExtractionResult Attribute(QuoteExtractionResult result, TextDocument? document)
    {
        if (Options.AttributeSpeakers && result.Quotes.Count > 0)
        {
            var model = Options.AttributionModel ?? AttributionModel.Default;
            if (model is not null)
            {
                return QuoteAttribution.Apply(result, Options, model, document);
            }
        }

        return result;
    }

    private QuoteExtractionResult Run(string text)
    {
        var result = _scanner.Extract(text);

        // One analysis of the text serves attribution and claims.
        TextDocument? document = Options.ExtractClaims && result.Text.Length > 0 ? TextDocument.Analyze(result.Text) : null;
        result = Attribute(result, document);

        if (document is not null)
        {
            result = result with { Claims = ClaimDetector.Detect(document, result.Quotes, _scorer.Value, result.Entities) };
        }

        return result;
    }
}
