using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class ClaimDatasetsTests
{
    [Test]
    public void ReadClef_QuotedFieldsWithCommasQuotesAndNewlines_ParsesThem()
    {
        const string Csv = "line_number,speaker,text,label,file_name\r\n"
            + "1,SMITH,\"Well, we said \"\"no\"\" twice.\",0,a.tsv\r\n"
            + "2,JONES,Taxes rose 5 percent.,1,a.tsv\n"
            + "3,\"DOE, JR.\",\"Two\nlines\",0,b.tsv";

        var rows = ClaimDatasets.ReadClef(new StringReader(Csv));

        rows.Should().HaveCount(3);
        rows[0].Should().Be(new ClaimSentence("a.tsv:1", "Well, we said \"no\" twice.", false, "a.tsv", "SMITH"));
        rows[1].Label.Should().BeTrue();
        rows[2].Speaker.Should().Be("DOE, JR.");
        rows[2].Text.Should().Be("Two\nlines");
        rows[2].Group.Should().Be("b.tsv");
    }

    [Test]
    public void ReadClef_MissingColumnBadLabelOrOpenQuote_Throws()
    {
        FluentActions.Invoking(() => ClaimDatasets.ReadClef(new StringReader("line_number,text,label\n1,x,0\n")))
            .Should().Throw<ClaimDataFormatException>().WithMessage("*file_name*");
        FluentActions.Invoking(() => ClaimDatasets.ReadClef(new StringReader("line_number,speaker,text,label,file_name\n1,A,x,yes,f\n")))
            .Should().Throw<ClaimDataFormatException>().WithMessage("*label*");
        FluentActions.Invoking(() => ClaimDatasets.ReadClef(new StringReader("line_number,speaker,text,label,file_name\n1,A,\"open,0,f\n")))
            .Should().Throw<ClaimDataFormatException>();
        FluentActions.Invoking(() => ClaimDatasets.ReadClef(new StringReader("line_number,speaker,text,label,file_name\n1,A,x,0\n")))
            .Should().Throw<ClaimDataFormatException>().WithMessage("*fields*");
    }

    [Test]
    public void ReadClaimBuster_Array_ReadsIdsTextAndLabels()
    {
        const string Json = """[{"sentence_id": 7, "label": 1, "text": "We cut taxes."}, {"sentence_id": 8, "label": 0, "text": "Thank you."}]""";

        var rows = ClaimDatasets.ReadClaimBuster(new MemoryStream(Encoding.UTF8.GetBytes(Json)));

        rows.Should().Equal(new ClaimSentence("7", "We cut taxes.", true), new ClaimSentence("8", "Thank you.", false));
    }

    [Test]
    public void ReadClaimBuster_NotAnArrayOrMissingText_Throws()
    {
        FluentActions.Invoking(() => ClaimDatasets.ReadClaimBuster(new MemoryStream(Encoding.UTF8.GetBytes("{}")))).Should().Throw<ClaimDataFormatException>();
        FluentActions.Invoking(() => ClaimDatasets.ReadClaimBuster(new MemoryStream(Encoding.UTF8.GetBytes("[{\"label\": 1}]")))).Should().Throw<ClaimDataFormatException>();
        FluentActions.Invoking(() => ClaimDatasets.ReadClaimBuster(new MemoryStream(Encoding.UTF8.GetBytes("[")))).Should().Throw<ClaimDataFormatException>();
    }
}
