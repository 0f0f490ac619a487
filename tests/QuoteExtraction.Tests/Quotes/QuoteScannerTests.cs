using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Tests.Quotes;

public class QuoteScannerTests
{
    [Test]
    public void ExtractQuotes_UnclosedQuote_WarnsAndClosesAtParagraphEnd()
    {
        const string text = "He shouted \"Stop the count\nThe room fell silent.";

        var result = QuoteExtractor.Default.ExtractQuotes(text);

        var q = result.Quotes.Should().ContainSingle().Subject;
        q.Unclosed.Should().BeTrue();
        q.Text.Should().Be("\"Stop the count");
        result.Warnings.Should().Contain(w => w.Code == WarningCodes.UnclosedQuote && w.Position == 11);
    }

    [Test]
    public void ExtractQuotes_UnopenedCurlyClose_Warns()
    {
        var result = QuoteExtractor.Default.ExtractQuotes("The vote passed” and that was that.");

        result.Quotes.Should().BeEmpty();
        result.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.UnopenedQuote);
    }

    [Test]
    public void ExtractQuotes_MultiParagraph_LinksPieces()
    {
        const string text = "“First we fix the roads.\n\n“Then we fix the schools,” the mayor said.";

        var quotes = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        quotes.Should().HaveCount(2);
        quotes[0].ContinuesNext.Should().BeTrue();
        quotes[0].Text.Should().Be("“First we fix the roads.");
        quotes[1].ContinuesPrevious.Should().BeTrue();
        quotes[1].Text.Should().Be("“Then we fix the schools,”");
    }

    [Test]
    public void ExtractQuotes_RunOnWithoutReopening_ClosesInNextParagraph()
    {
        const string text = "\"The first part ends here.\n\nAnd the second part ends here,\" he said.";

        var quotes = QuoteExtractor.Default.ExtractQuotes(text).Quotes;

        quotes.Should().HaveCount(2);
        quotes[1].Text.Should().Be("And the second part ends here,\"");
        quotes[1].ContinuesPrevious.Should().BeTrue();
    }

    [Test]
    public void ExtractQuotes_TooLong_Truncates()
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { MaxDocumentLength = 20 });

        var result = extractor.ExtractQuotes("\"Short one,\" he said, and then \"a later one.\"");

        result.Warnings.Should().Contain(w => w.Code == WarningCodes.DocumentTruncated);
        result.Quotes.Should().ContainSingle().Which.Text.Should().Be("\"Short one,\"");
    }

    [Test]
    public void ExtractQuotes_TooMany_CapsWithWarning()
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { MaxQuotationsPerDocument = 3 });
        var text = string.Concat(Enumerable.Repeat("\"We agree,\" he said. ", 10));

        var result = extractor.ExtractQuotes(text);

        result.Quotes.Should().HaveCount(3);
        result.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.TooManyQuotations);
    }

    [Test]
    public void ExtractQuotes_LoneSurrogate_WarnsOnce()
    {
        var result = QuoteExtractor.Default.ExtractQuotes("Bad \uD800 char and \"a quote here,\" he said \uDC00.");

        result.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.InvalidCharacter && w.Position == 4);
        result.Quotes.Should().ContainSingle();
    }

    [Test]
    public void ExtractQuotes_DeepNesting_DoesNotThrow()
    {
        var text = new string('“', 500) + "deep" + new string('”', 500);

        var result = QuoteExtractor.Default.ExtractQuotes(text);

        result.Warnings.Should().Contain(w => w.Code == WarningCodes.NestingTooDeep);
        result.Quotes.Should().OnlyContain(q => q.Start >= 0 && q.End <= text.Length);
    }

    [Test]
    public void ExtractQuotes_SurrogatePairsInside_KeepOffsetsInUtf16()
    {
        const string text = "He wrote: \"Great game 😀 today.\"";

        var q = QuoteExtractor.Default.ExtractQuotes(text).Quotes.Should().ContainSingle().Subject;

        q.Start.Should().Be(10);
        q.End.Should().Be(text.Length);
    }
}
