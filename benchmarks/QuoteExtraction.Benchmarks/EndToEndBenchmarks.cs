using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Benchmarks;

/// <summary>
/// The public pipeline over the in-memory corpus: quotations only, with speaker attribution (the default), and with
/// JSON Lines output as <c>quotex extract</c> writes it (minus reading the input file and writing the output file).
/// </summary>
public class EndToEndBenchmarks : CorpusBenchmark
{
    private readonly QuoteExtractor _quotesOnly = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSpeakers = false });
    private readonly QuoteExtractor _withClaims = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });
    private readonly MemoryStream _output = new();

    /// <summary>Quotation spans and kinds, no speaker attribution.</summary>
    /// <returns>The number of quotations.</returns>
    [Benchmark(Description = "ExtractQuotes (AttributeSpeakers = false)")]
    public long ExtractQuotesOnly() => SumOverTexts(text => _quotesOnly.ExtractQuotes(text).Quotes.Count);

    /// <summary>The default extractor: quotations plus speakers and cues.</summary>
    /// <returns>The number of quotations with a speaker.</returns>
    [Benchmark(Description = "QuoteExtractor.Default.ExtractQuotes")]
    public long ExtractWithSpeakers()
    {
        long attributed = 0;
        foreach (var text in Texts)
        {
            foreach (var quote in QuoteExtractor.Default.ExtractQuotes(text).Quotes)
            {
                if (quote.Speaker is not null)
                {
                    attributed++;
                }
            }
        }

        return attributed;
    }

    /// <summary>The full pipeline: quotations, speakers, sources and fact claims.</summary>
    /// <returns>The number of claims.</returns>
    [Benchmark(Description = "ExtractQuotes (ExtractClaims = true)")]
    public long ExtractWithClaims() => SumOverTexts(text => _withClaims.ExtractQuotes(text).Claims.Count);

    /// <summary>Default extraction streamed into <see cref="QuoteJson.WriteJsonLines"/> (in memory).</summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    [Benchmark(Description = "Default.ExtractQuotes + WriteJsonLines")]
    public long ExtractAndWriteJsonLines()
    {
        _output.Position = 0;
        _output.SetLength(0);
        QuoteJson.WriteJsonLines(_output, Texts.Select((text, i) => QuoteExtractor.Default.ExtractQuotes(text) with { Id = Ids[i] }));
        return _output.Length;
    }
}
