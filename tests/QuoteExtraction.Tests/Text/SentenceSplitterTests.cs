using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

[TestFixture]
public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = TextDocument.Analyze(text);
        var result = new string[doc.Sentences.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = doc.GetText(doc.Sentences[i]).ToString();
        }

        return result;
    }

    [Test]
    public void Split_TerminalPunctuation_EndsSentences()
    {
        Sentences("It rained. Was it cold? Yes! Then it stopped… Later it snowed.")
            .Should().Equal("It rained.", "Was it cold?", "Yes!", "Then it stopped…", "Later it snowed.");
    }

    [Test]
    public void Split_MixedTerminalRun_IsOneBoundary()
    {
        Sentences("Can you believe it?! We did.").Should().Equal("Can you believe it?!", "We did.");
    }

    [Test]
    public void Split_QuotationEndingSentence_ClosingQuoteStaysInFirstSentence()
    {
        Sentences("He said: \"We will win.\" The crowd cheered.")
            .Should().Equal("He said: \"We will win.\"", "The crowd cheered.");
        Sentences("She said: “We are ready.” Her rival laughed.")
            .Should().Equal("She said: “We are ready.”", "Her rival laughed.");
    }

    [Test]
    public void Split_QuoteFollowedByCommaOrLowercase_DoesNotSplit()
    {
        Sentences("\"We will win,\" he said.").Should().Equal("\"We will win,\" he said.");
        Sentences("\"Will we win?\" he asked.").Should().Equal("\"Will we win?\" he asked.");
        Sentences("“Get out!” she shouted.").Should().Equal("“Get out!” she shouted.");
    }

    [Test]
    public void Split_NextSentenceOpensWithQuote_Splits()
    {
        Sentences("The room fell silent. \"We lost,\" she said.")
            .Should().Equal("The room fell silent.", "\"We lost,\" she said.");
    }

    [TestCase("Mr. Smith arrived.")]
    [TestCase("Then Dr. Jones spoke.")]
    [TestCase("Sen. Warren and Gov. Newsom met.")]
    [TestCase("They met Lt. Col. Davies.")]
    [TestCase("It was Arsenal vs. Chelsea.")]
    [TestCase("Fruit, e.g. apples, is good.")]
    public void Split_TitleAbbreviation_NeverSplits(string text)
    {
        Sentences(text).Should().Equal(text);
    }

    [Test]
    public void Split_TitleBeforeStarterWord_StillDoesNotSplit()
    {
        Sentences("He thanked Mr. The Rock for coming.").Should().ContainSingle();
    }

    [Test]
    public void Split_AbbreviationThenSentenceStarter_Splits()
    {
        Sentences("He moved to the U.S. The next day he started work.")
            .Should().Equal("He moved to the U.S.", "The next day he started work.");
        Sentences("She works for Acme Inc. It is a big firm.")
            .Should().Equal("She works for Acme Inc.", "It is a big firm.");
    }

    [Test]
    public void Split_AbbreviationThenName_DoesNotSplit()
    {
        Sentences("The U.S. Army said the U.K. Government agreed.").Should().ContainSingle();
    }

    [Test]
    public void Split_TimeAbbreviation_SplitsBeforeCapitalButNotBeforeDay()
    {
        Sentences("It opened at 9 a.m. Police arrived later.")
            .Should().Equal("It opened at 9 a.m.", "Police arrived later.");
        Sentences("It opens at 9 a.m. Friday in the hall.").Should().ContainSingle();
    }

    [Test]
    public void Split_InitialsAndDecimals_DoNotSplit()
    {
        Sentences("J. K. Rowling met George W. Bush.").Should().ContainSingle();
        Sentences("Growth was 3.5 percent last year.").Should().ContainSingle();
    }

    [Test]
    public void Split_ClosingBracketAfterPeriod_BelongsToSentence()
    {
        Sentences("He left (for good.) She stayed.").Should().Equal("He left (for good.)", "She stayed.");
    }

    [Test]
    public void Split_LowercaseAfterPeriod_DoesNotSplit()
    {
        Sentences("The price is 5 p. per unit.").Should().ContainSingle();
    }

    [Test]
    public void Split_SentencesNeverCrossParagraphs()
    {
        var doc = TextDocument.Analyze("First line without a period\nsecond line continues");
        doc.Sentences.Length.Should().Be(2);
        doc.Sentences[0].Paragraph.Should().Be(0);
        doc.Sentences[1].Paragraph.Should().Be(1);
    }

    [Test]
    public void Split_SetsSentenceStartAndEndFlags()
    {
        var doc = TextDocument.Analyze("One two. Three four.");
        var tokens = doc.Tokens;
        tokens[0].Flags.Should().HaveFlag(TokenFlags.SentenceStart);
        tokens[2].Flags.Should().HaveFlag(TokenFlags.SentenceEnd);
        tokens[3].Flags.Should().HaveFlag(TokenFlags.SentenceStart);
        tokens[5].Flags.Should().HaveFlag(TokenFlags.SentenceEnd);
        tokens[1].Flags.Should().NotHaveFlag(TokenFlags.SentenceStart).And.NotHaveFlag(TokenFlags.SentenceEnd);
    }

    [Test]
    public void Split_DirectCall_AppendsToBuffer()
    {
        const string text = "A b. C d.";
        var tokens = Tokenizer.Tokenize(text);
        var buffer = Array.Empty<SentenceSpan>();
        var count = SentenceSplitter.Split(text, tokens, 0, 0, ref buffer, 0);
        count.Should().Be(2);
        buffer[1].Should().Be(new SentenceSpan(5, 9, 3, 6, 0));
    }
}
