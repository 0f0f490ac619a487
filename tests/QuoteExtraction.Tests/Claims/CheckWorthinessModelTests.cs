using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Attribution;
using QuoteExtraction.Claims;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Claims;

public class CheckWorthinessModelTests
{
    private static readonly string[] Probes =
    [
        "Unemployment fell to 4.5 per cent last year.", "Thank you all for coming tonight.", "The deficit rose by $20 billion in 2015.",
        "I think you are wrong.", "Exports doubled.", string.Empty,
    ];

    private static readonly Lazy<CheckWorthinessModel> Trained = new(() => Train(seed: 5));

    private static CheckWorthinessModel Train(int seed, CheckWorthinessLearner learner = CheckWorthinessLearner.Linear) =>
        CheckWorthinessTrainer.Train(SyntheticClaims.Create(300, seed: 3), new CheckWorthinessTrainingOptions { Seed = seed, Learner = learner, Trees = 20, CorpusDescription = "synthetic" });

    private static byte[] Bytes(CheckWorthinessModel model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    [Test]
    public void Default_NumericClaim_ScoresHigherThanCourtesy()
    {
        var model = CheckWorthinessModel.Default;

        model.Should().NotBeNull();
        model!.Manifest.Kind.Should().Be(CheckWorthinessModel.ModelKind);
        model.Score("Unemployment fell to 4.5 per cent last year.").Should().BeGreaterThan(model.Score("Thank you all for coming tonight."));
        model.Score("Thank you all for coming tonight.").Should().BeLessThan(0.2);
        model.Score("We have lost 70,000 factories since 2001.").Should().BeGreaterThan(model.Score("I think you are a good man."));
    }

    [Test]
    public void Score_AnyText_IsAProbability()
    {
        var model = CheckWorthinessModel.Default!;

        foreach (var probe in Probes.Append("!!! ??? 123 $ % ’’ \u0000 \uD83D\uDE00").Append(new string('x', 5000)))
        {
            model.Score(probe).Should().BeInRange(0, 1);
        }
    }

    [Test]
    public void Score_SentenceSpan_EqualsScoreOfItsText()
    {
        var model = CheckWorthinessModel.Default!;
        const string Text = "Good evening. Unemployment fell to 4.5 per cent last year. Thank you.";
        int start = Text.IndexOf("Unemployment", StringComparison.Ordinal), end = Text.IndexOf(" Thank", StringComparison.Ordinal);

        model.Score(Text, start, end).Should().Be(model.Score(Text[start..end]));
        FluentActions.Invoking(() => model.Score(Text, 10, 5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => model.Score(Text, 0, Text.Length + 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Score_TokenRangeOfAnalysedDocument_EqualsScoreOfTheSentenceAlone()
    {
        var model = CheckWorthinessModel.Default!;
        var doc = QuoteExtraction.Text.TextDocument.Analyze("Good evening. The council cut 1,200 jobs in 2023, down from 1,450. \"We won't stop,\" she said.");

        foreach (var sentence in doc.Sentences)
        {
            model.Score(doc, sentence.FirstToken, sentence.EndToken).Should().Be(model.Score(doc.GetText(sentence).ToString()));
        }

        FluentActions.Invoking(() => model.Score(doc, 3, 2)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => model.Score(doc, 0, doc.Tokens.Length + 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Train_SyntheticData_SeparatesClaimsFromChatter()
    {
        var model = Trained.Value;

        model.Score("Inflation fell to 3 percent in 2012.").Should().BeGreaterThan(0.5);
        model.Score("Thank you all for coming tonight.").Should().BeLessThan(0.5);
        model.Manifest.Corpus.Should().Be("synthetic");
        model.Manifest.Metrics["trainingSentences"].Should().Be(300);
    }

    [Test]
    public void Train_SameSeed_SameModelBytesAndScores()
    {
        var again = Train(seed: 5);

        Bytes(again).Should().Equal(Bytes(Trained.Value));
        Probes.Select(again.Score).Should().Equal(Probes.Select(Trained.Value.Score));
    }

    [Test]
    public void Train_Stacked_SameSeedSameScoresAndRoundTrips()
    {
        var a = Train(seed: 2, CheckWorthinessLearner.Stacked);
        var b = Train(seed: 2, CheckWorthinessLearner.Stacked);
        var loaded = CheckWorthinessModel.Load(new MemoryStream(Bytes(a)));

        a.Trees.Should().NotBeNull();
        Probes.Select(b.Score).Should().Equal(Probes.Select(a.Score));
        Probes.Select(loaded.Score).Should().Equal(Probes.Select(a.Score));
        a.Score("Inflation fell to 3 percent in 2012.").Should().BeGreaterThan(a.Score("Thank you all for coming tonight."));
    }

    [Test]
    public void SaveLoad_RoundTrip_SameScoresAndManifest()
    {
        var model = Trained.Value;

        var loaded = CheckWorthinessModel.Load(new MemoryStream(Bytes(model)));

        loaded.Manifest.Should().BeEquivalentTo(model.Manifest);
        Probes.Select(loaded.Score).Should().Equal(Probes.Select(model.Score));
        Bytes(loaded).Should().Equal(Bytes(model));
    }

    [Test]
    public void Load_AttributionModelOrGarbage_Throws()
    {
        var attribution = new MemoryStream();
        AttributionModel.Default!.Save(attribution);
        attribution.Position = 0;

        FluentActions.Invoking(() => CheckWorthinessModel.Load(attribution)).Should().Throw<ModelFormatException>().WithMessage("*speaker-attribution*");
        FluentActions.Invoking(() => CheckWorthinessModel.Load(new MemoryStream([1, 2, 3]))).Should().Throw<ModelFormatException>();
    }

    [Test]
    public void Train_InvalidOptionsOrOneClass_Throws()
    {
        var oneClass = SyntheticClaims.Create(50).Where(s => !s.Label).ToList();

        FluentActions.Invoking(() => CheckWorthinessTrainer.Train(oneClass, new CheckWorthinessTrainingOptions())).Should().Throw<ArgumentException>().WithMessage("*both*");
        FluentActions.Invoking(() => CheckWorthinessTrainer.Train(SyntheticClaims.Create(50), new CheckWorthinessTrainingOptions { L2 = -1, Folds = 1 }))
            .Should().Throw<ArgumentException>().WithMessage("*L2*Folds*");
    }

    [Test]
    public void CrossValidate_SyntheticData_ReportsFiguresPerTranscript()
    {
        var claimBuster = SyntheticClaims.Create(200, seed: 4);
        var clef = SyntheticClaims.Create(120, seed: 6, groupPrefix: "debate", groups: 3);

        var report = CheckWorthinessTrainer.CrossValidate(claimBuster, clef, new CheckWorthinessTrainingOptions { Folds = 2, Seed = 1 });

        report.ClaimBuster!.F1.Should().BeGreaterThan(0.9);
        report.ClefAveragePrecision.Keys.Should().Equal("debate0", "debate1", "debate2");
        report.ClefMap.Should().BeGreaterThan(0.9);
        report.ToMetrics().Should().ContainKeys("claimBusterCvF1", "clefTranscriptCvMap");
        report.Format().Should().Contain("MAP");
    }
}
