using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Acceptance;

/// <summary>Sanity checks of the embedded check-worthiness model on the research data in ../shared (read, never copied).</summary>
[Category("SharedData")]
public class CheckWorthinessAcceptanceTests
{
    [Test]
    public void Default_ClefTrainTranscripts_RankClaimsFarAboveRandom()
    {
        // In-sample for the default model (it was trained on this file), so only a sanity floor: random ranking gives about 0.03.
        var clef = ClaimDatasets.ReadClef(SharedData.Require("data/claims/clef2019_task1_train.csv"));
        var model = CheckWorthinessModel.Default!;
        var clock = Stopwatch.StartNew();

        var scored = clef.Select(s => (s.Group!, model.Score(s.Text), s.Label)).ToList();

        clock.Stop();
        var (map, perTranscript) = RankingMetrics.MeanAveragePrecision(scored);
        TestContext.Out.WriteLine($"in-sample MAP {map:0.0000} over {perTranscript.Count} transcripts; {clef.Count} sentences scored in {clock.Elapsed.TotalMilliseconds:0} ms");
        clef.Should().HaveCount(16421);
        perTranscript.Should().HaveCount(19);
        map.Should().BeGreaterThan(0.1);
    }

    [Test]
    public void Default_ClaimBuster_ClassifiesMostSentencesCorrectly()
    {
        var claimBuster = ClaimDatasets.ReadClaimBuster(SharedData.Require("data/claims/claimbuster_2.5xNCS_kfold_25ncs.json"));
        var model = CheckWorthinessModel.Default!;

        var figures = BinaryFigures.At(claimBuster.Select(s => (model.Score(s.Text), s.Label)), model.Manifest.Threshold);

        TestContext.Out.WriteLine($"in-sample F1 {figures.F1:0.000}, accuracy {figures.Accuracy:0.000}");
        claimBuster.Should().HaveCount(9674);
        figures.F1.Should().BeGreaterThan(0.7);
    }
}
