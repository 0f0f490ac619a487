using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

/// <summary>
/// Manual checks over the news corpus (not part of the normal run): throughput and invariants. Run with:
/// <c>dotnet test tests/QuoteExtraction.Tests -c Release --filter "FullyQualifiedName~CorpusTests" --logger "console;verbosity=detailed"</c>.
/// Counts UTF-16 code units of all texts as "bytes" (the corpus is almost pure ASCII, so this ≈ UTF-8 bytes).
/// </summary>
[TestFixture]
[Explicit("Reads the research corpus; run manually.")]
public class CorpusTests
{
    // ../shared beside the repository (or QUOTEX_SHARED), as every test that reads research data.
    private static string CorpusPath => Path.Combine(Support.SharedData.Root ?? "../shared", "data", "news", "news-all.jsonl");

    [Test]
    public void Analyze_NewsCorpus_ReportsThroughput()
    {
        if (!File.Exists(CorpusPath))
        {
            Assert.Ignore($"Corpus not found at {CorpusPath}.");
        }

        var texts = new List<string>();
        foreach (var line in File.ReadLines(CorpusPath))
        {
            using var json = JsonDocument.Parse(line);
            texts.Add(json.RootElement.GetProperty("text").GetString() ?? string.Empty);
        }

        var chars = texts.Sum(t => (long)t.Length);
        var best = TimeSpan.MaxValue;
        long tokens = 0;
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            tokens = 0;
            foreach (var text in texts)
            {
                tokens += TextDocument.Analyze(text).Tokens.Length;
            }

            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        var rate = chars / best.TotalSeconds / 1e6;
        TestContext.Out.WriteLine($"{texts.Count} texts, {chars:N0} chars, {tokens:N0} tokens; best of 5: {best.TotalMilliseconds:F0} ms = {rate:F1} M chars/s");
        Assert.That(rate, Is.GreaterThan(120), "TextDocument.Analyze should exceed 120 MB/s single-threaded.");
    }

    [Test]
    public void Analyze_NewsCorpus_KeepsInvariants()
    {
        if (!File.Exists(CorpusPath))
        {
            Assert.Ignore($"Corpus not found at {CorpusPath}.");
        }

        foreach (var line in File.ReadLines(CorpusPath))
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            TextDocumentTests.AssertInvariants(TextDocument.Analyze(text), text.Length < 200 ? text : text[..200]);
        }
    }
}
