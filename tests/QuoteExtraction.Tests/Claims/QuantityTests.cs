using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class QuantityTests
{
    [Test]
    public void Text_OfAParsedQuantity_IsItsSpanOfTheSource()
    {
        const string text = "Sales rose 5% to $11.1bn in 2004.";
        foreach (var q in QuantityParser.Parse(text))
        {
            q.Text.Should().Be(text[q.Start..q.End]);
        }
    }

    [Test]
    public void Equals_ParsedAndWrittenOut_AreEqualWithTheSameHash()
    {
        var parsed = QuantityParser.Parse("about 40 people")[0];
        var written = new Quantity
        {
            Start = parsed.Start,
            End = parsed.End,
            Text = parsed.Text,
            Value = parsed.Value,
            Bound = parsed.Bound,
            Unit = parsed.Unit,
            NormalizedUnit = parsed.NormalizedUnit,
            Kind = parsed.Kind,
        };

        written.Should().Be(parsed);
        written.GetHashCode().Should().Be(parsed.GetHashCode());
        (written with { Value = 41 }).Should().NotBe(parsed);
    }

    [Test]
    public void With_NewOffsets_KeepsTheText()
    {
        var parsed = QuantityParser.Parse("We counted 6,632 migrants.")[0];
        var moved = parsed with { Start = 0, End = 2 };

        moved.Text.Should().Be(parsed.Text);
        moved.Start.Should().Be(0);
    }

    [TestCase("It has 1234567890123456789 parts", 1234567890123456789d)]
    [TestCase("It has 1,234,567,890,123,456.75 parts", 1234567890123456.75d)]
    [TestCase("It has 0.1234567890123456789 parts", 0.1234567890123456789d)]
    public void Parse_MoreThanFifteenDigits_ParsesLikeTheRuntime(string text, double expected)
    {
        QuantityParser.Parse(text)[0].Value.Should().Be(expected);
    }
}
