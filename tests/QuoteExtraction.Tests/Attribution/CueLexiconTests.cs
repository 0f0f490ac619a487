using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Attribution;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Attribution;

public class CueLexiconTests
{
    [TestCase("She said it.", "said", "say")]
    [TestCase("He says so.", "says", "say")]
    [TestCase("They emphasised the point.", "emphasised", "emphasise")]
    [TestCase("They emphasized the point.", "emphasized", "emphasize")]
    [TestCase("He pointed out the flaw.", "pointed out", "point out")]
    [TestCase("According to the mayor, it works.", "According to", "according to")]
    [TestCase("She tweeted the news.", "tweeted", "tweet")]
    [TestCase("He told reporters nothing.", "told", "tell")]
    public void FindAll_FindsInflectedAndMultiWordCues(string text, string cue, string lemma)
    {
        var doc = TextDocument.Analyze(text);

        var match = CueLexicon.Default.FindAll(doc).Should().ContainSingle().Subject;

        text[match.Start..match.End].Should().Be(cue);
        match.Lemma.Should().Be(lemma);
    }

    [Test]
    public void FindAll_ColonAfterShortName_IsACue()
    {
        var doc = TextDocument.Analyze("MAYOR SMITH: \"We are ready.\"");

        CueLexicon.Default.FindAll(doc).Should().Contain(c => c.Class == CueClass.Colon && c.Lemma == ":");
    }

    [Test]
    public void FindAll_DashAfterClosingQuote_IsACue()
    {
        var doc = TextDocument.Analyze("“We are ready.” ― Jane Porter");

        CueLexicon.Default.FindAll(doc).Should().Contain(c => c.Class == CueClass.Colon && c.Lemma == "\u2015");
    }

    [Test]
    public void Parse_BadLine_NamesTheLine()
    {
        var act = () => CueLexicon.Parse("# comment\nsay\tneutral\tsay|said\nbroken line\n");

        act.Should().Throw<FormatException>().WithMessage("*line 3*");
    }

    [Test]
    public void Default_HasBothSpellings()
    {
        CueLexicon.Default.Count.Should().BeGreaterThan(500);
    }
}
