using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Tests.Serialization;

[TestFixture]
public sealed class QuoteJsonTests
{
    private const string Text = "Tom said, \u201CWe will win.\u201D";

    private static Quotation FullQuote() => new()
    {
        Start = 10,
        End = 24,
        Text = Text[10..24],
        Kind = QuotationKind.Direct,
        InnerStart = 11,
        InnerEnd = 23,
        Speaker = new Speaker("Tom Jones", TextSpan.Of(Text, 0, 3)),
        Cue = TextSpan.Of(Text, 4, 8),
        Source = new QuoteSource("interview", null, "the summit", null),
        Confidence = 0.75,
    };

    [Test]
    public void ToJson_FullQuote_WritesContractNames()
    {
        var result = new QuoteExtractionResult(Text, [FullQuote()], []) { Id = "doc-1" };

        using var json = JsonDocument.Parse(QuoteJson.ToJson(result));
        var root = json.RootElement;
        root.GetProperty("id").GetString().Should().Be("doc-1");
        var q = root.GetProperty("quotes")[0];
        q.GetProperty("start").GetInt32().Should().Be(10);
        q.GetProperty("end").GetInt32().Should().Be(24);
        q.GetProperty("text").GetString().Should().Be("\u201CWe will win.\u201D");
        q.GetProperty("kind").GetString().Should().Be("direct");
        q.GetProperty("innerStart").GetInt32().Should().Be(11);
        q.GetProperty("innerEnd").GetInt32().Should().Be(23);
        q.GetProperty("unclosed").GetBoolean().Should().BeFalse();
        q.GetProperty("depth").GetInt32().Should().Be(0);
        q.GetProperty("continuesNext").GetBoolean().Should().BeFalse();
        q.GetProperty("speaker").GetProperty("name").GetString().Should().Be("Tom Jones");
        var mention = q.GetProperty("speaker").GetProperty("mention");
        mention.GetProperty("start").GetInt32().Should().Be(0);
        mention.GetProperty("end").GetInt32().Should().Be(3);
        mention.GetProperty("text").GetString().Should().Be("Tom");
        q.GetProperty("cue").GetProperty("text").GetString().Should().Be("said");
        var source = q.GetProperty("source");
        source.GetProperty("medium").GetString().Should().Be("interview");
        source.GetProperty("outlet").ValueKind.Should().Be(JsonValueKind.Null);
        source.GetProperty("event").GetString().Should().Be("the summit");
        source.GetProperty("reportedBy").ValueKind.Should().Be(JsonValueKind.Null);
        q.GetProperty("confidence").GetDouble().Should().Be(0.75);
        root.GetProperty("warnings").GetArrayLength().Should().Be(0);
    }

    [Test]
    public void ToJson_UnknownSpeakerAndCue_WritesExplicitNulls()
    {
        var quote = FullQuote() with { Speaker = null, Cue = null, Source = QuoteSource.Unknown };
        var json = QuoteJson.ToJson(new QuoteExtractionResult(Text, [quote], []));

        json.Should().Contain("\"speaker\":null").And.Contain("\"cue\":null")
            .And.Contain("\"source\":{\"medium\":null,\"outlet\":null,\"event\":null,\"reportedBy\":null,\"inherited\":false}");
        json.Should().NotContain("\"id\"");
    }

    [Test]
    public void ToJson_SpeakerWithoutMention_WritesNullMention()
    {
        var quote = FullQuote() with { Speaker = new Speaker("Tom Jones", null) };
        QuoteJson.ToJson(new QuoteExtractionResult(Text, [quote], [])).Should().Contain("\"speaker\":{\"name\":\"Tom Jones\",\"mention\":null}");
    }

    [TestCase(QuotationKind.Direct, "direct")]
    [TestCase(QuotationKind.Partial, "partial")]
    [TestCase(QuotationKind.Mixed, "mixed")]
    [TestCase(QuotationKind.Indirect, "indirect")]
    [TestCase(QuotationKind.Other, "other")]
    public void KindName_EachKind_IsLowercaseContractName(QuotationKind kind, string expected)
    {
        QuoteJson.KindName(kind).Should().Be(expected);
        QuoteJson.ToJson(new QuoteExtractionResult(Text, [FullQuote() with { Kind = kind }], [])).Should().Contain($"\"kind\":\"{expected}\"");
    }

    [Test]
    public void ToJson_Warnings_WritesCodeMessageAndPosition()
    {
        var result = new QuoteExtractionResult(Text, [], [new ExtractionWarning("unclosed-quote", "No closing mark.", 5), new ExtractionWarning("x", "Whole document.")]);

        QuoteJson.ToJson(result).Should().Be(
            "{\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[{\"code\":\"unclosed-quote\",\"message\":\"No closing mark.\",\"position\":5},{\"code\":\"x\",\"message\":\"Whole document.\",\"position\":null}]}");
    }

    [Test]
    public void ToJson_NonAscii_IsNotEscaped()
    {
        var result = new QuoteExtractionResult(Text, [FullQuote() with { Text = "\u201Ccaf\u00E9 \u4E2D\u6587 \uD83D\uDE00\u201D" }], []);

        var json = QuoteJson.ToJson(result);

        // Letters of the BMP stay literal; astral characters (emoji) are escaped by every System.Text.Json encoder, which is still valid JSON.
        json.Should().Contain("\u201Ccaf\u00E9 \u4E2D\u6587 ");
        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("quotes")[0].GetProperty("text").GetString().Should().Be("\u201Ccaf\u00E9 \u4E2D\u6587 \uD83D\uDE00\u201D");
    }

    [Test]
    public void ToJson_LoneSurrogates_ReplacedWithReplacementCharAndOffsetsKept()
    {
        const string text = "a\uD800\"b\uDC00c\"";
        var quote = new Quotation { Start = 2, End = 7, Text = text[2..7], Kind = QuotationKind.Direct, InnerStart = 3, InnerEnd = 6 };
        var result = new QuoteExtractionResult(text, [quote], [new ExtractionWarning("invalid-character", "lone \uD800", 1)]) { Id = "\uDFFF" };

        string json = string.Empty;
        var act = () => json = QuoteJson.ToJson(result, indented: true);

        act.Should().NotThrow();
        using var parsed = JsonDocument.Parse(json);
        var q = parsed.RootElement.GetProperty("quotes")[0];
        q.GetProperty("text").GetString().Should().Be("\"b\uFFFDc\"");
        q.GetProperty("start").GetInt32().Should().Be(2);
        q.GetProperty("end").GetInt32().Should().Be(7);
        parsed.RootElement.GetProperty("id").GetString().Should().Be("\uFFFD");
        parsed.RootElement.GetProperty("warnings")[0].GetProperty("message").GetString().Should().Be("lone \uFFFD");
    }

    [Test]
    public void WriteSafeString_LongStringWithLoneSurrogate_UsesPooledBuffer()
    {
        var value = new string('a', 5000) + "\uDBFF" + "\uD83D\uDE00";
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, QuoteJson.CompactOptions))
        {
            QuoteJson.WriteSafeString(writer, value);
        }

        JsonSerializer.Deserialize<string>(stream.ToArray()).Should().Be(new string('a', 5000) + "\uFFFD\uD83D\uDE00");
    }

    [Test]
    public void ReplaceLoneSurrogates_MixedPairsAndLones_CountsReplacements()
    {
        var chars = "\uD83D\uDE00\uD800x\uDC00\uD800".ToCharArray();

        QuoteJson.ReplaceLoneSurrogates(chars).Should().Be(3);
        new string(chars).Should().Be("\uD83D\uDE00\uFFFDx\uFFFD\uFFFD");
    }

    [Test]
    public void ToJson_NonFiniteConfidence_WritesZero()
    {
        QuoteJson.ToJson(new QuoteExtractionResult(Text, [FullQuote() with { Confidence = double.NaN }], [])).Should().Contain("\"confidence\":0");
    }

    [Test]
    public void WriteResult_Stream_WritesUtf8()
    {
        using var stream = new MemoryStream();
        QuoteJson.WriteResult(stream, new QuoteExtractionResult(Text, [FullQuote()], []) { Id = "x" });

        Encoding.UTF8.GetString(stream.ToArray()).Should().StartWith("{\"id\":\"x\",\"quotes\":[{\"start\":10,\"end\":24,");
    }

    [Test]
    public void WriteJsonLines_ManyResults_OneLinePerResultInOrder()
    {
        var results = Enumerable.Range(0, 3000).Select(i => new QuoteExtractionResult("t", [], []) { Id = "d" + i });
        using var stream = new MemoryStream();

        QuoteJson.WriteJsonLines(stream, results);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        lines.Should().HaveCount(3001);
        lines[^1].Should().BeEmpty();
        lines[0].Should().Be("{\"id\":\"d0\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}");
        lines[2999].Should().Be("{\"id\":\"d2999\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}");
    }
}
