using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Evaluation;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Evaluation;

public class QuantityEvaluatorTests
{
    private static Quantity Q(double value, string? unit = null, string? norm = null, double? low = null, double? high = null) =>
        new() { Start = 0, End = 1, Text = "x", Value = value, Unit = unit, NormalizedUnit = norm, Low = low, High = high, Kind = QuantityKind.Count };

    [TestCase("275.0", 275, null, null)]
    [TestCase("-5.0", -5, null, null)]
    [TestCase("1.99E-29", 1.99e-29, null, null)]
    [TestCase("252.0-287.0", 252, 252.0, 287.0)]
    [TestCase("4.8-4.7", 4.7, 4.7, 4.8)]
    [TestCase("3.0 - 4.0", 3, 3.0, 4.0)]
    public void TryParseValue_NewsQuantForms_AreRead(string raw, double value, double? low, double? high)
    {
        QuantityEvaluator.TryParseValue(raw, out var v, out var l, out var h).Should().BeTrue();
        v.Should().Be(value);
        l.Should().Be(low);
        h.Should().Be(high);
    }

    [Test]
    public void ValueMatches_RelativeTolerance_AndRangesAsSets()
    {
        var gold = new GoldQuantity("=", 3.5e6, null, null, "$", "dollar");
        QuantityEvaluator.ValueMatches(gold, Q(3500000.000001)).Should().BeTrue();
        QuantityEvaluator.ValueMatches(gold, Q(3.6e6)).Should().BeFalse();
        QuantityEvaluator.ValueMatches(new GoldQuantity("=", 40, 40, 50, null, null), Q(40, low: 40, high: 50)).Should().BeTrue();
        QuantityEvaluator.ValueMatches(new GoldQuantity("=", 40, 40, 50, null, null), Q(40)).Should().BeFalse();
    }

    [TestCase("different bosses", "different boss", "bosses", null, true)]
    [TestCase("miles", "mile", "mi", "mile", true)]
    [TestCase("miles", "mile", "m", "metre", false)]
    [TestCase("US$ per barrel", "dollar per barrel", "US$ per barrel", "dollar per barrel", true)]
    [TestCase(null, null, null, null, true)]
    [TestCase(null, null, "people", "people", false)]
    public void UnitMatches_FollowsTheDocumentedRule(string? goldUnit, string? goldNorm, string? unit, string? norm, bool expected)
    {
        QuantityEvaluator.UnitMatches(new GoldQuantity("=", 1, null, null, goldUnit, goldNorm), Q(1, unit, norm)).Should().Be(expected);
    }

    [Test]
    public void Evaluate_TinyCorpus_CountsMatches()
    {
        var sentences = new[]
        {
            new QuantitySentence("Sales rose 5% to $2 million.", [new GoldQuantity("up", 5, null, null, "%", "percentage"), new GoldQuantity("=", 2e6, null, null, "$", "dollar")]),
            new QuantitySentence("It was founded in 2023.", []),
        };

        var report = QuantityEvaluator.Evaluate(sentences);

        report.Value.Matched.Should().Be(2);
        report.Value.Predicted.Should().Be(2);
        report.ValueUnit.F1.Should().Be(1);
        report.ValueChange.Matched.Should().Be(2);
        report.Format().Should().Contain("value+unit");
    }

    [Test]
    public void ReadNewsQuant_NotAnArray_Throws()
    {
        using var stream = new MemoryStream("{\"text\": 1}"u8.ToArray());

        var act = () => QuantityEvaluator.ReadNewsQuant(stream);

        act.Should().Throw<FormatException>();
    }

    [Test]
    public void Evaluate_NewsQuantDev_MeetsTargets()
    {
        var path = SharedData.Require("data/claims/newsquant-dev.json");
        var sentences = QuantityEvaluator.ReadNewsQuant(path);

        var report = QuantityEvaluator.Evaluate(sentences);
        TestContext.Out.WriteLine(report.Format());

        sentences.Should().HaveCount(295);
        report.Value.F1.Should().BeGreaterThanOrEqualTo(0.88);
        report.ValueUnit.F1.Should().BeGreaterThanOrEqualTo(0.75);
    }
}
