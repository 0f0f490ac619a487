using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Corpora;
using QuoteExtraction.Evaluation;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Acceptance;

/// <summary>The acceptance checks on the research data in ../shared (read, never copied).</summary>
[Category("SharedData")]
public class SharedDataAcceptanceTests
{
    [Test]
    public void ExtractQuotes_OicSummitExample_MatchesGoldSpansAndKinds()
    {
        var text = File.ReadAllText(SharedData.Require("examples/oic-summit.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("examples/oic-summit.gold.json")));
        var expected = gold.RootElement.GetProperty("quotes").EnumerateArray()
            .Select(q => (q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32(), q.GetProperty("kind").GetString()!))
            .ToList();

        var result = QuoteExtractor.Default.ExtractQuotes(text);

        var speech = result.Quotes.Where(q => q.Kind is QuotationKind.Direct or QuotationKind.Partial)
            .Select(q => (q.Start, q.End, q.Kind.ToString().ToLowerInvariant())).ToList();
        speech.Should().Equal(expected);
        result.Quotes.Should().OnlyContain(q => q.Kind != QuotationKind.Other);
    }

    [Test]
    public void Evaluate_PolNearDev_MeetsSpanTargets()
    {
        var docs = PolNear.ReadSplit(SharedData.Require("data/polnear/data/dev"));

        var report = QuoteSpanEvaluator.Evaluate(docs, QuoteExtractor.Default);

        TestContext.Out.WriteLine(report.Format());
        report.GoldQuotations.Should().BeGreaterThan(350);
        report.Recall.Should().BeGreaterThanOrEqualTo(0.985);
        report.Precision.Should().BeGreaterThanOrEqualTo(0.62);
    }
}
