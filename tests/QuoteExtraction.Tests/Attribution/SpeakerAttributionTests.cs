using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Tests.Attribution;

/// <summary>Speaker and cue attribution with the shipped model, on sentences written for these tests.</summary>
public class SpeakerAttributionTests
{
    private static Quotation Single(string text) =>
        QuoteExtractor.Default.ExtractQuotes(text).Quotes.Where(q => q.Kind != QuotationKind.Other).Should().ContainSingle().Subject;

    [Test]
    public void ExtractQuotes_CueAfterQuote_FindsSubjectAndCue()
    {
        var q = Single("\"We will rebuild the bridge by spring,\" the mayor said on Monday.");

        q.Speaker!.Mention!.Text.Should().Be("the mayor");
        q.Cue!.Text.Should().Be("said");
    }

    [Test]
    public void ExtractQuotes_CueBeforeQuoteWithColon_FindsSubjectAndCue()
    {
        var q = Single("Jane Porter told reporters: \"The budget is balanced.\"");

        q.Speaker!.Mention!.Text.Should().Be("Jane Porter");
        q.Cue!.Text.Should().Be("told");
    }

    [Test]
    public void ExtractQuotes_InvertedCue_FindsSpeakerAfterCue()
    {
        var q = Single("\"Nobody expected the vote to be this close,\" said Tom Okafor, the union leader.");

        q.Cue!.Text.Should().Be("said");
        q.Speaker!.Mention!.Text.Should().StartWith("Tom Okafor");
    }

    [Test]
    public void ExtractQuotes_CueInsideBrokenQuote_AttributesBothPieces()
    {
        var quotes = QuoteExtractor.Default.ExtractQuotes("\"We tried,\" she said, \"but the votes were not there.\"").Quotes;

        quotes.Should().HaveCount(2);
        quotes.Should().OnlyContain(q => q.Speaker!.Mention!.Text == "she" && q.Cue!.Text == "said");
    }

    [Test]
    public void ExtractQuotes_AdverbBetweenSubjectAndCue_SkipsIt()
    {
        var q = Single("At the summit, he passionately stated: \"We can only win together.\"");

        q.Speaker!.Mention!.Text.Should().Be("he");
        q.Cue!.Text.Should().Be("stated");
    }

    [Test]
    public void ExtractQuotes_QuotationRun_NextParagraphKeepsTheSpeaker()
    {
        const string text = "Maria Lindqvist said: \"Our schools need more teachers.\"\n\n\"And they need them this year, not next.\"";

        var quotes = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        quotes.Should().HaveCount(2);
        quotes[1].Speaker!.Mention!.Text.Should().Be("Maria Lindqvist");
    }

    [Test]
    public void ExtractQuotes_AccordingTo_FindsSource()
    {
        var q = Single("According to David Chen, the plan is \"dead on arrival\" in the Senate.");

        q.Cue!.Text.Should().Be("According to");
        q.Speaker!.Mention!.Text.Should().Be("David Chen");
    }

    [Test]
    public void ExtractQuotes_AttributionOff_LeavesSpeakersEmpty()
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSpeakers = false });

        var q = extractor.ExtractQuotes("\"We will win,\" the mayor said.").Quotes.Single();

        q.Speaker.Should().BeNull();
        q.Cue.Should().BeNull();
    }
}
