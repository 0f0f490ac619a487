using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;
using QuoteExtraction.Entities;
using QuoteExtraction.Tests.Support;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Entities;

/// <summary>
/// Manual throughput measurement of <see cref="DocumentEntities.Analyze"/> over the news corpus (not part of the normal run). Run with:
/// <c>dotnet test tests/QuoteExtraction.Tests -c Release --filter "FullyQualifiedName~EntityThroughputTests" --logger "console;verbosity=detailed"</c>.
/// Texts are analysed with <see cref="TextDocument.Analyze"/> first (not timed); chars are UTF-16 code units (≈ bytes for this corpus).
/// </summary>
[TestFixture]
[Explicit("Measures throughput over the research corpus; run manually.")]
public class EntityThroughputTests
{
    [Test]
    public void AnalyzeAndResolve_NewsCorpus_ReportsThroughput()
    {
        var path = SharedData.Require("data/news/news-all.jsonl");
        var docs = new List<TextDocument>();
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            docs.Add(TextDocument.Analyze(json.RootElement.GetProperty("text").GetString() ?? string.Empty));
        }

        // Every pronoun and capitalised word, as one-token spans to resolve.
        var spans = docs.Select(d =>
        {
            var list = new List<(int, int)>();
            foreach (var t in d.Tokens)
            {
                if (t.Kind == TokenKind.Word && ((t.Flags & TokenFlags.Capitalized) != 0 || d.GetText(t) is "he" or "him" or "his" or "she" or "her"
                    or "they" or "them" or "their" or "i" or "we" or "it" or "who" or "which" or "that"))
                {
                    list.Add((t.Start, t.End));
                }
            }

            return list;
        }).ToArray();

        var chars = docs.Sum(d => (long)d.Text.Length);
        var entities = new DocumentEntities[docs.Count];
        double bestAnalyze = double.MaxValue, bestResolve = double.MaxValue;
        for (var round = 0; round < 10; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var d = 0; d < docs.Count; d++)
            {
                entities[d] = DocumentEntities.Analyze(docs[d]);
                _ = entities[d].Entities.Count;
            }

            bestAnalyze = Math.Min(bestAnalyze, watch.Elapsed.TotalSeconds);
            watch.Restart();
            for (var d = 0; d < docs.Count; d++)
            {
                foreach (var (start, end) in spans[d])
                {
                    _ = entities[d].Resolve(start, end);
                }
            }

            bestResolve = Math.Min(bestResolve, watch.Elapsed.TotalSeconds);
        }

        var spanCount = spans.Sum(s => (long)s.Count);
        TestContext.Out.WriteLine($"{docs.Count} texts, {chars:N0} chars; best of 10: Analyze {bestAnalyze * 1000:F0} ms = {chars / bestAnalyze / 1e6:F1} MB/s; "
            + $"Resolve of {spanCount:N0} spans {bestResolve * 1000:F0} ms = {spanCount / bestResolve / 1e6:F2} M spans/s");
        Assert.That(chars / bestAnalyze / 1e6, Is.GreaterThan(20), "DocumentEntities.Analyze must not slow the pipeline below 20 MB/s.");
    }
}
