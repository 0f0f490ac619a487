using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Claims;
using QuoteExtraction.Text;

namespace QuoteExtraction.Benchmarks.Claims;

/// <summary>
/// The claims stage alone: <see cref="ClaimDetector"/> over documents analysed and attributed in setup, as
/// <see cref="QuoteExtractor"/> runs it when <see cref="QuoteExtractorOptions.ExtractClaims"/> is on; and the
/// check-worthiness score of every sentence.
/// </summary>
public class ClaimDetectorBenchmarks : CorpusBenchmark
{
    private TextDocument[] _documents = [];
    private IReadOnlyList<Quotation>[] _quotes = [];

    /// <summary>Analyses and attributes every document once; not measured.</summary>
    protected override void Setup()
    {
        _documents = new TextDocument[Texts.Length];
        _quotes = new IReadOnlyList<Quotation>[Texts.Length];
        for (int d = 0; d < Texts.Length; d++)
        {
            _documents[d] = TextDocument.Analyze(Texts[d]);
            _quotes[d] = QuoteExtractor.Default.ExtractQuotes(Texts[d]).Quotes;
        }
    }

    /// <summary>Claim detection: cues, quantities, types, times, comparisons, asserters and check-worthiness.</summary>
    /// <returns>The number of claims.</returns>
    [Benchmark(Description = "ClaimDetector.Detect (analysed, attributed)")]
    public long Detect()
    {
        var scorer = ClaimDetector.DefaultScorer();
        long claims = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            claims += ClaimDetector.Detect(_documents[d], _quotes[d], scorer).Count;
        }

        return claims;
    }

    /// <summary>The claim cue scan alone (the first step of <see cref="Detect"/>: every token of every document).</summary>
    /// <returns>The number of cue hits.</returns>
    [Benchmark(Description = "ClaimCues.Scan (every token)")]
    public long ScanCues()
    {
        var hits = new List<ClaimCues.Hit>();
        long count = 0;
        foreach (var doc in _documents)
        {
            hits.Clear();
            ClaimCues.Scan(doc, hits);
            count += hits.Count;
        }

        return count;
    }

    /// <summary>The check-worthiness of every sentence with the embedded model.</summary>
    /// <returns>The number of sentences scored at 0.5 or above.</returns>
    [Benchmark(Description = "CheckWorthinessModel.Score (every sentence)")]
    public long ScoreSentences()
    {
        var model = CheckWorthinessModel.Default!;
        long worthy = 0;
        foreach (var doc in _documents)
        {
            foreach (var sentence in doc.Sentences)
            {
                if (model.Score(doc, sentence.FirstToken, sentence.EndToken) >= 0.5)
                {
                    worthy++;
                }
            }
        }

        return worthy;
    }
}
