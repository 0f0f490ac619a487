using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests;

public class QuoteExtractorTests
{
    [Test]
    public void Default_IsSharedAndUsesDefaultOptions()
    {
        QuoteExtractor.Default.Should().BeSameAs(QuoteExtractor.Default);
        QuoteExtractor.Default.Options.Should().Be(QuoteExtractorOptions.Default);
    }

    [Test]
    public void ExtractQuotes_Null_Throws()
    {
        var act = () => QuoteExtractor.Default.ExtractQuotes((string)null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void ExtractQuotes_SimpleSentence_ReturnsSpanWithMarksAndInnerOffsets()
    {
        const string text = "The chef said: \"Dinner is ready.\"";

        var q = QuoteExtractor.Default.ExtractQuotes(text).Quotes.Should().ContainSingle().Subject;

        q.Start.Should().Be(15);
        q.End.Should().Be(text.Length);
        q.InnerStart.Should().Be(16);
        q.InnerEnd.Should().Be(text.Length - 1);
        q.Text.Should().Be("\"Dinner is ready.\"");
        q.Kind.Should().Be(QuotationKind.Direct);
        q.Source.Should().Be(QuoteSource.Unknown);
        q.Speaker!.Mention!.Text.Should().Be("The chef");
        q.Cue!.Text.Should().Be("said");
        q.Confidence.Should().BeInRange(0, 1);
    }

    [Test]
    public void Create_InvalidOptions_ListsEveryBadField()
    {
        var options = new QuoteExtractorOptions { MaxDocumentLength = 0, MaxQuotationLength = 1, MaxQuotationParagraphs = 0, MaxQuotationsPerDocument = -1 };

        var act = () => QuoteExtractor.Create(options);

        var ex = act.Should().Throw<InvalidOptionsException>().Which;
        ex.Errors.Should().HaveCount(4);
        ex.Message.Should().Contain("MaxDocumentLength").And.Contain("MaxQuotationLength").And.Contain("MaxQuotationParagraphs").And.Contain("MaxQuotationsPerDocument");
    }

    [Test]
    public void Create_WithoutNonSpeech_LeavesOutOtherSpans()
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { IncludeNonSpeech = false });

        var result = extractor.ExtractQuotes("She watched \"Meet the Press\" and said: \"It was dull.\"");

        result.Quotes.Should().ContainSingle().Which.Text.Should().Be("\"It was dull.\"");
    }

    [Test]
    public void ExtractQuotes_Many_StreamsInOrderAndStopsOnCancellation()
    {
        var docs = new[] { "\"One,\" he said.", "No quotes here.", null!, "\"Three,\" she said." };

        var results = QuoteExtractor.Default.ExtractQuotes(docs).ToList();

        results.Select(r => r.Quotes.Count).Should().Equal(1, 0, 0, 1);
        results[2].Warnings.Should().ContainSingle().Which.Code.Should().Be("null-document");

        using var cts = new CancellationTokenSource();
        var lazy = QuoteExtractor.Default.ExtractQuotes(Enumerable.Repeat("\"x y,\" he said.", 10), cts.Token);
        var act = () =>
        {
            foreach (var _ in lazy)
            {
                cts.Cancel();
            }
        };
        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public async Task ExtractQuotesAsync_StreamsInOrder()
    {
        var results = new List<QuoteExtractionResult>();
        await foreach (var r in QuoteExtractor.Default.ExtractQuotesAsync(Source()))
        {
            results.Add(r);
        }

        results.Should().HaveCount(2);
        results[0].Quotes.Should().ContainSingle();

        static async IAsyncEnumerable<string> Source()
        {
            await Task.Yield();
            yield return "\"Yes, we can,\" he said.";
            yield return "Nothing.";
        }
    }

    [Test]
    public void ExtractQuotes_IsThreadSafe()
    {
        const string text = "\"We tried,\" she said, \"but the votes were not there.\"";
        var expected = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        var all = Enumerable.Range(0, 2000).AsParallel().Select(_ => QuoteExtractor.Default.ExtractQuotes(text).Quotes).ToList();

        all.Should().OnlyContain(q => q.SequenceEqual(expected));
    }

    [TestCase("\u201cUnemployment fell to 4.1% last year,\u201d the minister said, adding that 3,000 jobs were created.")]
    [TestCase("The council will spend \u00a312m on 40 new buses by 2027.")]
    [TestCase("")]
    public void ExtractUnit_MatchesSeparateCalls(string text)
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });

        var result = extractor.ExtractUnit(text, out var score, out var quantities);

        result.Should().BeEquivalentTo(extractor.ExtractQuotes(text));
        score.Should().Be(ClaimDetector.CheckWorthiness(text));
        quantities.Should().BeEquivalentTo(QuantityParser.Parse(text), o => o.WithStrictOrdering());
    }

    [Test]
    public void ExtractUnit_WithoutClaims_Throws()
    {
        var act = () => QuoteExtractor.Default.ExtractUnit("It rose 4%.", out _, out _);

        act.Should().Throw<InvalidOperationException>().WithMessage("*ExtractClaims*");
    }
}
