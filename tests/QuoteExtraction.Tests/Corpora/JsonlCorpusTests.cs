using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Corpora;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Corpora;

public class JsonlCorpusTests
{
    [Test]
    public void WriteRead_RoundTrip_KeepsSpans()
    {
        var docs = SyntheticCorpus.Create(5);
        var writer = new StringWriter();

        JsonlCorpus.Write(writer, docs);
        var read = JsonlCorpus.Read(new StringReader(writer.ToString()));

        read.Should().HaveCount(5);
        for (int i = 0; i < docs.Count; i++)
        {
            read[i].Text.Should().Be(docs[i].Text);
            read[i].Attributions.Select(a => (a.ContentStart, a.ContentEnd, a.Source[0].Text, a.Cue[0].Text))
                .Should().Equal(docs[i].Attributions.Select(a => (a.ContentStart, a.ContentEnd, a.Source[0].Text, a.Cue[0].Text)));
        }
    }

    [Test]
    public void Read_FragmentsAndMissingSpeaker_AreAccepted()
    {
        const string line = "{\"id\":\"a\",\"text\":\"\\\"Yes,\\\" she said, \\\"now.\\\"\",\"quotes\":[{\"start\":0,\"end\":6,\"content\":[{\"start\":0,\"end\":6},{\"start\":17,\"end\":23}],\"speaker\":null,\"cue\":{\"start\":11,\"end\":15}}]}";

        var doc = JsonlCorpus.Read(new StringReader(line)).Single();

        var a = doc.Attributions.Single();
        a.Content.Select(c => c.Text).Should().Equal("\"Yes,\"", "\"now.\"");
        a.Source.Should().BeEmpty();
        a.Cue.Single().Text.Should().Be("said");
    }

    [TestCase("not json", "not valid JSON")]
    [TestCase("{\"id\":\"a\"}", "text")]
    [TestCase("{\"text\":\"abc\",\"quotes\":[{\"start\":2,\"end\":9}]}", "outside the text")]
    public void Read_BadLine_ThrowsWithLineNumber(string bad, string message)
    {
        var act = () => JsonlCorpus.Read(new StringReader("{\"text\":\"fine\"}\n" + bad), "c.jsonl");

        act.Should().Throw<CorpusFormatException>().Where(e => e.Line == 2 && e.Path == "c.jsonl" && e.Message.Contains(message));
    }
}
