using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Text;

namespace QuoteExtraction.Benchmarks.Text;

/// <summary>The tokenizer alone, over every document of the corpus.</summary>
public class TokenizerBenchmarks : CorpusBenchmark
{
    private Token[] _buffer = new Token[4096];

    /// <summary>The public API: <see cref="Tokenizer.Tokenize(string)"/>, one exactly sized array per document.</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Description = "Tokenizer.Tokenize(text)")]
    public long Tokenize() => SumOverTexts(static text => Tokenizer.Tokenize(text).Length);

    /// <summary>The scanner only: the ranged overload into one reused buffer (no per-document allocation).</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Description = "Tokenizer.Tokenize(range, reused buffer)")]
    public long TokenizeReusedBuffer()
    {
        long tokens = 0;
        foreach (var text in Texts)
        {
            tokens += Tokenizer.Tokenize(text, 0, text.Length, ref _buffer, 0);
        }

        return tokens;
    }
}
