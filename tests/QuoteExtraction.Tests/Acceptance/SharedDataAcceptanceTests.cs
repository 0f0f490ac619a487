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

/// <summary>The speaker-attribution acceptance checks (issue: speaker attribution) on the research data.</summary>
[Category("SharedData")]
public class AttributionAcceptanceTests
{
    [Test]
    public void ExtractQuotes_OicSummitExample_MentionsMatchGold()
    {
        var text = File.ReadAllText(SharedData.Require("examples/oic-summit.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("examples/oic-summit.gold.json")));
        var expected = gold.RootElement.GetProperty("quotes").EnumerateArray()
            .Select(q => q.GetProperty("mention"))
            .Select(m => (m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32()))
            .ToList();

        var quotes = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        var actual = quotes.Select(q => q.Speaker?.Mention is { } m ? (m.Start, m.End) : (-1, -1)).ToList();
        actual.Should().HaveCount(8);
        actual.Zip(expected).Count(p => p.First == p.Second).Should().BeGreaterThanOrEqualTo(7);
    }

    [Test]
    public void Evaluate_PolNearDev_MeetsAttributionTargets()
    {
        var docs = PolNear.ReadSplit(SharedData.Require("data/polnear/data/dev"));

        var report = AttributionEvaluator.Evaluate(docs, QuoteExtractor.Default);

        TestContext.Out.WriteLine(report.Format());
        report.All.WithGoldSource.Should().BeGreaterThan(800);
        report.All.SpeakerOverlap.Should().BeGreaterThanOrEqualTo(0.85);
        report.All.SpeakerExact.Should().BeGreaterThanOrEqualTo(0.75);
        report.All.CueOverlap.Should().BeGreaterThanOrEqualTo(0.80);
    }
}

/// <summary>The source-attribution acceptance checks (issue: source attribution).</summary>
[Category("SharedData")]
public class SourceAcceptanceTests
{
    [Test]
    public void ExtractQuotes_OicSummitExample_SourcesMatchGold()
    {
        var text = File.ReadAllText(SharedData.Require("examples/oic-summit.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("examples/oic-summit.gold.json")));
        var expected = gold.RootElement.GetProperty("quotes").EnumerateArray().ToList();

        var quotes = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        quotes.Should().HaveCount(8);
        int media = 0;
        for (int i = 0; i < 8; i++)
        {
            media += quotes[i].Source.Medium == expected[i].GetProperty("medium").GetString() ? 1 : 0;
        }

        media.Should().BeGreaterThanOrEqualTo(7);
        // Expected values come from the gold file at run time (its text is never copied into the repository).
        string? Gold(int i, string field) => expected[i].GetProperty(field).GetString();
        foreach (int i in new[] { 0, 1, 6, 7 })
        {
            quotes[i].Source.Medium.Should().Be("op-ed");
            quotes[i].Source.Outlet.Should().Be(Gold(i, "outlet"));
        }

        quotes[2].Source.Medium.Should().Be("speech");
        quotes[2].Source.Event.Should().Be(Gold(2, "event"));
        quotes[2].Source.ReportedBy.Should().Be(Gold(2, "reportedBy"));
        quotes[3].Source.Medium.Should().Be("speech");
        quotes[4].Source.Medium.Should().BeOneOf(new string?[] { null, "speech" });
    }
}
