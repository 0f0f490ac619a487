using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Tests.Corpora;

public class PolNearTests
{
    [Test]
    public void ReadAnnotations_RelationWithDiscontinuousContent_ReadsAllFragments()
    {
        const string text = "\"We won,\" she said, \"and we will win again.\"";
        string[] lines =
        [
            "T1\tContent 0 9;20 44\t\"We won,\" \"and we will win again.\"",
            "T2\tSource 10 13\tshe",
            "T3\tCue 14 18\tsaid",
            "T4\tAttribution 14 18\tsaid",
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        ];

        var attributions = PolNear.ReadAnnotations("x.ann", lines, text);

        var a = attributions.Should().ContainSingle().Subject;
        a.Content.Select(c => c.Text).Should().Equal("\"We won,\"", "\"and we will win again.\"");
        a.Source.Should().ContainSingle().Which.Text.Should().Be("she");
        a.Cue.Should().ContainSingle().Which.Text.Should().Be("said");
        a.ContentStart.Should().Be(0);
        a.ContentEnd.Should().Be(44);
    }

    [Test]
    public void ReadAnnotations_AstralCharacters_ConvertsCodePointsToUtf16()
    {
        const string text = "😀 Ann said \"hi there\".";
        string[] lines = ["T1\tContent 11 21\t\"hi there\"", "T2\tCue 6 10\tsaid", "E1\tAttribution:T2 Content:T1 Cue:T2"];

        var a = PolNear.ReadAnnotations("x.ann", lines, text).Single();

        a.Content[0].Text.Should().Be("\"hi there\"");
        a.Content[0].Start.Should().Be(12);
    }

    [Test]
    public void ReadAnnotations_BadSpan_ThrowsWithLine()
    {
        string[] lines = ["T1\tContent 5 900\tx"];

        var act = () => PolNear.ReadAnnotations("bad.ann", lines, "short text");

        act.Should().Throw<CorpusFormatException>().Where(e => e.Line == 1 && e.Path == "bad.ann");
    }

    [Test]
    public void ReadSplit_MissingFolder_ThrowsClearly()
    {
        var act = () => PolNear.ReadSplit("/no/such/folder");

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*text*");
    }
}
