using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Benchmarks.Claims;

/// <summary>The quantity grammar alone (<see cref="QuantityParser.Parse(string)"/>), once per document as <c>ClaimDetector.Detect</c> calls it.</summary>
public class QuantityParserBenchmarks : CorpusBenchmark
{
    /// <summary>Quantities (of every kind, dates and labels included) of every document.</summary>
    /// <returns>The number of quantities.</returns>
    [Benchmark(Description = "QuantityParser.Parse")]
    public long Parse() => SumOverTexts(static text => QuantityParser.Parse(text).Count);
}
