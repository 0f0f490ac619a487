using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Corpora;
using QuoteExtraction.Evaluation;

namespace QuoteExtraction.Tests.Evaluation;

public class QuoteSpanEvaluatorTests
{
    private const string Text = "\"We won,\" she said. He said that taxes would \"rise sharply\" next year. The \"so-called\" plan failed.";

    [Test]
    public void QuotationUnits_QuoteOnlyContent_ReturnsFragments()
    {
        var units = QuoteSpanEvaluator.QuotationUnits(Text, [TextSpan.Of(Text, 0, 9)]);

        units.Should().Equal((0, 9));
    }

    [Test]
    public void QuotationUnits_IndirectContent_ReturnsNull()
    {
        int s = Text.IndexOf("taxes", StringComparison.Ordinal);
        int e = Text.IndexOf(" next", StringComparison.Ordinal);

        QuoteSpanEvaluator.QuotationUnits(Text, [TextSpan.Of(Text, s, e)]).Should().BeNull();
    }

    [Test]
    public void Evaluate_CountsRecallAndPrecision()
    {
        int s = Text.IndexOf("taxes", StringComparison.Ordinal);
        int e = Text.IndexOf(" next", StringComparison.Ordinal) + " next year".Length;
        var doc = new AnnotatedDocument("d", Text,
        [
            new AnnotatedAttribution("E1", [TextSpan.Of(Text, 0, 9)], [TextSpan.Of(Text, 14, 18)], [TextSpan.Of(Text, 10, 13)]),
            new AnnotatedAttribution("E2", [TextSpan.Of(Text, s, e)], [], []),
        ]);

        var report = QuoteSpanEvaluator.Evaluate([doc], QuoteExtractor.Default);

        report.GoldQuotations.Should().Be(1);
        report.FoundExact.Should().Be(1);
        report.Recall.Should().Be(1);
        report.Emitted.Should().Be(2); // "We won," and "rise sharply"; "so-called" is other
        report.EmittedInside.Should().Be(2);
        report.Precision.Should().Be(1);
        report.Format().Should().Contain("recall 1.0000");
    }
}
