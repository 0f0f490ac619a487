using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Quotes;

namespace QuoteExtraction.Benchmarks.Quotes;

/// <summary>The quote-mark pairing pass alone (<see cref="QuoteScanner.ScanRaw"/>): no classification, no attribution.</summary>
public class QuoteScannerBenchmarks : CorpusBenchmark
{
    /// <summary>Raw quotation spans of every document.</summary>
    /// <returns>The number of raw spans.</returns>
    [Benchmark(Description = "QuoteScanner.ScanRaw")]
    public long ScanRaw() => SumOverTexts(static text => QuoteScanner.ScanRaw(text).Length);
}
