using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Tests.Serialization;

/// <summary>
/// Compact output goes through <see cref="CompactJsonBuffer"/>; it must equal what the <see cref="Utf8JsonWriter"/> code
/// (still used for indented output) writes with <see cref="QuoteJson.CompactOptions"/>, for every field and branch.
/// </summary>
[TestFixture]
public sealed class QuoteJsonCompactTests
{
    private const string Text = "Ann Lee said: \"Sales rose 4.5% to \u00A3300m, up from \u00A3250m.\" It\u2019s \"about 40 to 50\" jobs.";

    private static QuoteExtractionResult RichResult()
    {
        var mention = TextSpan.Of(Text, 0, 7);
        var cue = TextSpan.Of(Text, 8, 12);
        var quotes = new List<Quotation>
        {
            new()
            {
                Start = 14,
                End = 60,
                Text = Text[14..60],
                Kind = QuotationKind.Direct,
                InnerStart = 15,
                InnerEnd = 59,
                Speaker = new Speaker("Ann Lee", mention),
                Cue = cue,
                Source = new QuoteSource("statement", "the \"Gazette\"", null, "Radio\\One")
                {
                    MediumEvidence = cue,
                    ReportedByEvidence = TextSpan.Of(Text, 0, 3),
                    Inherited = true,
                },
                Confidence = 0.665,
            },
            new()
            {
                Start = 66,
                End = 84,
                Text = Text[66..84],
                Kind = QuotationKind.Partial,
                Unclosed = true,
                Depth = 2,
                ContinuesNext = true,
                ContinuesPrevious = true,
                Speaker = new Speaker("\uD800lone", null),
                Confidence = double.NaN,
            },
            new() { Start = 0, End = 1, Text = "A", Kind = (QuotationKind)42, Source = null!, Confidence = double.PositiveInfinity },
            new() { Start = 1, End = 2, Text = "n", Kind = QuotationKind.Indirect, Confidence = 1 },
            new() { Start = 2, End = 3, Text = "n", Kind = QuotationKind.Mixed, Confidence = -0.0 },
        };

        var claims = new List<Claim>
        {
            new()
            {
                Start = 14,
                End = 60,
                Text = Text[14..60],
                Type = ClaimType.Comparison,
                CheckWorthiness = 0.786,
                Quantities =
                [
                    new Quantity { Start = 26, End = 30, Text = "4.5%", Value = 4.5, Unit = "%", NormalizedUnit = "percentage" },
                    new Quantity { Start = 34, End = 39, Text = "\u00A3300m", Value = 300000000, Unit = "\u00A3", NormalizedUnit = "pound sterling", Bound = QuantityBound.Approximate },
                    new Quantity { Start = 72, End = 84, Text = "40 to 50", Value = 40, Low = 40, High = 50, Bound = QuantityBound.LessOrEqual, Unit = "jobs", NormalizedUnit = "job", Measured = "staff" },
                    new Quantity { Start = 0, End = 1, Text = "x", Value = double.NaN, Low = double.NegativeInfinity, High = 1e16, Bound = QuantityBound.Greater },
                    new Quantity { Start = 0, End = 1, Text = "y", Value = -0.0, Bound = QuantityBound.GreaterOrEqual },
                    new Quantity { Start = 0, End = 1, Text = "z", Value = 1e-7, Bound = QuantityBound.Less },
                ],
                Time = new ClaimTime("last year", "previous-year"),
                Comparison = new ClaimComparison("up", new ClaimReference(250000000, "\u00A3250m")),
                AssertedBy = new ClaimAsserter("Ann Lee", ClaimAsserterKind.Speaker),
            },
            new()
            {
                Start = 62,
                End = 84,
                Text = Text[62..84],
                Type = ClaimType.Statistic,
                CheckWorthiness = double.NaN,
                Time = new ClaimTime("in 2023", null),
                Comparison = new ClaimComparison("down", new ClaimReference(null, "before")),
            },
            new() { Start = 0, End = 3, Text = "Ann", Type = ClaimType.Factual, Comparison = new ClaimComparison("same", null) },
            new() { Start = 0, End = 3, Text = "Ann", Type = "other\n", Comparison = new ClaimComparison("up", new ClaimReference(double.NaN, "\"then\"")) },
        };

        var entities = new List<DocumentEntity>
        {
            new("Ann Lee", "person", [mention, TextSpan.Of(Text, 0, 3)]),
            new("the \"Gazette\"", "outlet", []),
        };

        var warnings = new List<ExtractionWarning>
        {
            new("unclosed-quote", "No closing \"mark\".", 5),
            new("x", "Whole document.\t\u2014 caf\u00E9"),
        };

        return new QuoteExtractionResult(Text, quotes, warnings) { Id = "doc \"1\"", Entities = entities, Claims = claims };
    }

    private static string WithWriter(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, QuoteJson.CompactOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string ReferenceJson(QuoteExtractionResult result) => WithWriter(w =>
    {
        w.WriteStartObject();
        if (result.Id is not null)
        {
            w.WritePropertyName("id");
            QuoteJson.WriteSafeString(w, result.Id);
        }

        QuoteJson.WriteResultPropertiesWithWriter(w, result);
        w.WriteEndObject();
    });

    [Test]
    public void ToJson_RichResult_EqualsWriterOutput()
    {
        var result = RichResult();

        var json = QuoteJson.ToJson(result);

        json.Should().Be(ReferenceJson(result));
        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("claims").GetArrayLength().Should().Be(4);
    }

    [Test]
    public void ToJson_RichResult_WritesNullForNonFiniteQuantitiesAndZeroForNonFiniteScores()
    {
        var json = QuoteJson.ToJson(RichResult());

        json.Should().Contain("\"text\":\"x\",\"value\":null,\"low\":null,\"high\":10000000000000000,\"bound\":\">\"")
            .And.Contain("\"type\":\"statistic\",\"checkWorthiness\":0,")
            .And.Contain("\"reference\":{\"value\":null,\"text\":\"\\\"then\\\"\"}")
            .And.Contain("\"kind\":\"other\"")
            .And.Contain("\"confidence\":-0}");
    }

    [Test]
    public void WriteJsonLines_RichResults_EachLineEqualsWriterOutput()
    {
        var result = RichResult();
        var withoutId = result with { Id = null };
        using var stream = new MemoryStream();

        QuoteJson.WriteJsonLines(stream, [result, withoutId, result]);

        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(
            ReferenceJson(result) + "\n" + ReferenceJson(withoutId) + "\n" + ReferenceJson(result) + "\n");
    }

    [Test]
    public void WriteJsonLines_OutputPastFlushThreshold_KeepsEveryLine()
    {
        var result = RichResult();
        var results = Enumerable.Range(0, 200).Select(i => result with { Id = "d" + i }).ToList();
        using var stream = new MemoryStream();

        QuoteJson.WriteJsonLines(stream, results);

        var expected = string.Concat(results.Select(r => ReferenceJson(r) + "\n"));
        stream.Length.Should().BeGreaterThan(1 << 16);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(expected);
    }

    [Test]
    public void WriteResultProperties_CompactWriterAfterOwnProperty_EqualsWriterOutput()
    {
        var result = RichResult();

        var json = WithWriter(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", 7);
            QuoteJson.WriteResultProperties(w, result);
            w.WriteEndObject();
        });

        json.Should().Be(ReferenceJson(result with { Id = null }).Replace("{\"quotes\"", "{\"id\":7,\"quotes\"", StringComparison.Ordinal));
    }

    [Test]
    public void WriteClaimsAndQuantities_CompactWriter_EqualWriterOutput()
    {
        var claims = RichResult().Claims;

        var json = WithWriter(w =>
        {
            w.WriteStartArray();
            QuoteJson.WriteClaims(w, claims);
            QuoteJson.WriteQuantities(w, claims[0].Quantities);
            QuoteJson.WriteClaims(w, []);
            w.WriteEndArray();
        });

        json.Should().Be(WithWriter(w =>
        {
            w.WriteStartArray();
            QuoteJson.WriteClaimsWithWriter(w, claims);
            QuoteJson.WriteQuantitiesWithWriter(w, claims[0].Quantities);
            QuoteJson.WriteClaimsWithWriter(w, []);
            w.WriteEndArray();
        }));
    }

    [Test]
    public void WriteResultProperties_ValidatingCompactWriter_StaysValid()
    {
        var options = QuoteJson.CompactOptions;
        options.SkipValidation = false;
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, options))
        {
            writer.WriteStartObject();
            QuoteJson.WriteResultProperties(writer, RichResult());
            writer.WriteEndObject();
        }

        Encoding.UTF8.GetString(output.WrittenSpan).Should().Be(ReferenceJson(RichResult() with { Id = null }));
    }

    [Test]
    public void ToJson_IndentedRichResult_ParsesToSameDocumentAsCompact()
    {
        var result = RichResult();

        using var indented = JsonDocument.Parse(QuoteJson.ToJson(result, indented: true));
        using var compact = JsonDocument.Parse(QuoteJson.ToJson(result));

        JsonSerializer.Serialize(indented.RootElement).Should().Be(JsonSerializer.Serialize(compact.RootElement));
    }

    [Test]
    public void WriteResultProperties_ParallelThreads_EachGetsItsOwnOutput()
    {
        var results = Enumerable.Range(0, 64).Select(i => RichResult() with { Id = "t" + i }).ToArray();
        var expected = results.Select(ReferenceJson).ToArray();

        var actual = new string[results.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = QuoteJson.ToJson(results[i]));

        actual.Should().Equal(expected);
    }
}
