using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class RankingMetricsTests
{
    [Test]
    public void AveragePrecision_KnownRanking_MatchesHandComputation()
    {
        // Ranked: + - + - ; precisions at hits 1/1 and 2/3.
        var ap = RankingMetrics.AveragePrecision([(0.9, true), (0.8, false), (0.7, true), (0.1, false)]);

        ap.Should().BeApproximately((1.0 + (2.0 / 3)) / 2, 1e-12);
        RankingMetrics.AveragePrecision([(0.5, false)]).Should().Be(double.NaN);
    }

    [Test]
    public void MeanAveragePrecision_Groups_AveragesGroupsWithPositives()
    {
        var (map, per) = RankingMetrics.MeanAveragePrecision([("a", 0.9, true), ("a", 0.1, false), ("b", 0.9, false), ("b", 0.1, true), ("c", 0.5, false)]);

        per.Should().HaveCount(2);
        per["a"].Should().Be(1);
        per["b"].Should().Be(0.5);
        map.Should().Be(0.75);
    }

    [Test]
    public void BinaryFigures_At_CountsPositiveClass()
    {
        var f = BinaryFigures.At([(0.9, true), (0.6, false), (0.4, true), (0.1, false)], 0.5);

        f.Precision.Should().Be(0.5);
        f.Recall.Should().Be(0.5);
        f.F1.Should().Be(0.5);
        f.Accuracy.Should().Be(0.5);
    }
}
