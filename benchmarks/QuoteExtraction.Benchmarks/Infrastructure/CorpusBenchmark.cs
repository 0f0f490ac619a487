using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace QuoteExtraction.Benchmarks.Infrastructure;

/// <summary>
/// Base of every benchmark class: loads the news corpus once per process in <see cref="GlobalSetup"/>. Every
/// benchmark method processes all of <see cref="Texts"/> once and returns a count, so the work cannot be elided and
/// the MB/s column is comparable across classes. Each class also runs <see cref="ScanFloor"/>, its baseline.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public abstract class CorpusBenchmark
{
    // Quote marks of every family plus line breaks: what a pipeline must at least look for.
    private static readonly SearchValues<char> FloorChars = SearchValues.Create("\"'`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\r\n\u0085\u2028\u2029");

    /// <summary>The corpus texts, in file order.</summary>
    protected string[] Texts { get; private set; } = [];

    /// <summary>The document ids, parallel to <see cref="Texts"/>.</summary>
    protected string[] Ids { get; private set; } = [];

    /// <summary>Loads the corpus, then lets the class prepare its own inputs.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        var corpus = NewsCorpus.Shared;
        Texts = corpus.Texts;
        Ids = corpus.Ids;
        Setup();
    }

    /// <summary>Replaces the corpus and reruns <see cref="Setup"/> (quick mode: warm-up slice, then the whole corpus).</summary>
    internal void UseTexts(string[] texts, string[] ids)
    {
        Texts = texts;
        Ids = ids;
        Setup();
    }

    /// <summary>Runs <paramref name="count"/> on every text of the corpus and sums what it returns (the benchmark's result).</summary>
    /// <param name="count">The work for one document, returning a count so it cannot be elided.</param>
    /// <returns>The sum over the corpus.</returns>
    protected long SumOverTexts(Func<string, long> count)
    {
        long sum = 0;
        foreach (var text in Texts)
        {
            sum += count(text);
        }

        return sum;
    }

    /// <summary>Class-specific preparation, after the corpus is loaded; not measured.</summary>
    protected virtual void Setup()
    {
    }

    /// <summary>
    /// The "read every char once" floor: a vectorized <see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, SearchValues{T})"/>
    /// scan over the corpus for quote marks and line breaks. Returns the number of hits.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Floor: IndexOfAny(quotes, line breaks)")]
    public long ScanFloor()
    {
        long hits = 0;
        foreach (var text in Texts)
        {
            var span = text.AsSpan();
            int i;
            while ((i = span.IndexOfAny(FloorChars)) >= 0)
            {
                hits++;
                span = span[(i + 1)..];
            }
        }

        return hits;
    }
}
