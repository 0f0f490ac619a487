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
}
