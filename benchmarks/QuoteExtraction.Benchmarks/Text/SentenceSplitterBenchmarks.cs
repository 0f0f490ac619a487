using System.Buffers;
using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Text;

namespace QuoteExtraction.Benchmarks.Text;

/// <summary>
/// Sentence splitting: <see cref="SentenceSplitter.Split"/> alone over pre-tokenized paragraphs, and the whole
/// <see cref="TextDocument.Analyze"/> (paragraphs + tokenizer + splitter + result arrays).
/// </summary>
public class SentenceSplitterBenchmarks : CorpusBenchmark
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029\f\v");

    // Per document: its tokens (tokenized paragraph by paragraph, as Analyze does) and its paragraphs as (first, count).
    private Token[][] _tokens = [];
    private (int First, int Count)[][] _paragraphs = [];
    private SentenceSpan[] _sentences = new SentenceSpan[1024];

    /// <summary>Tokenizes every paragraph once, exactly as <see cref="TextDocument.Analyze"/> does; not measured.</summary>
    protected override void Setup()
    {
        _tokens = new Token[Texts.Length][];
        _paragraphs = new (int, int)[Texts.Length][];
        var buffer = new Token[4096];
        var paragraphs = new List<(int, int)>();
        for (var d = 0; d < Texts.Length; d++)
        {
            var text = Texts[d];
            var count = 0;
            paragraphs.Clear();
            var pos = 0;
            while (pos < text.Length)
            {
                var lineBreak = text.AsSpan(pos).IndexOfAny(LineBreaks);
                var lineEnd = lineBreak < 0 ? text.Length : pos + lineBreak;
                var first = count;
                count = Tokenizer.Tokenize(text, pos, lineEnd, ref buffer, count);
                if (count > first)
                {
                    buffer[first] = buffer[first] with { Flags = buffer[first].Flags | TokenFlags.ParagraphStart };
                    paragraphs.Add((first, count - first));
                }

                pos = lineEnd + 1;
            }

            _tokens[d] = buffer.AsSpan(0, count).ToArray();
            _paragraphs[d] = [.. paragraphs];
        }
    }

    /// <summary>Only the splitter: every paragraph's tokens into sentences (it only adds flags, so reruns are identical).</summary>
    /// <returns>The number of sentences.</returns>
    [Benchmark(Description = "SentenceSplitter.Split (pre-tokenized)")]
    public long SplitSentences()
    {
        long sentences = 0;
        for (var d = 0; d < Texts.Length; d++)
        {
            var text = Texts[d];
            var tokens = _tokens[d];
            var paragraphs = _paragraphs[d];
            var count = 0;
            for (var p = 0; p < paragraphs.Length; p++)
            {
                var (first, length) = paragraphs[p];
                count = SentenceSplitter.Split(text, tokens.AsSpan(first, length), first, p, ref _sentences, count);
            }

            sentences += count;
        }

        return sentences;
    }

    /// <summary>The text layer as the pipeline uses it: <see cref="TextDocument.Analyze"/>.</summary>
    /// <returns>The number of sentences.</returns>
    [Benchmark(Description = "TextDocument.Analyze")]
    public long Analyze() => SumOverTexts(static text => TextDocument.Analyze(text).Sentences.Length);
}
