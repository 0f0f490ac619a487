using FluentAssertions;
using Microsoft.ML;
using Microsoft.ML.Data;
using NUnit.Framework;
using QuoteExtraction.Attribution;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Attribution;

public class AttributionModelTests
{
    private static readonly Lazy<AttributionTrainingResult> Trained = new(() => Train(seed: 7));

    private static AttributionTrainingResult Train(int seed, AttributionLearner learner = AttributionLearner.LightGbm) =>
        AttributionTrainer.Train(SyntheticCorpus.Create(80), new AttributionTrainingOptions { Seed = seed, Learner = learner, Trees = 30, HoldOutFraction = 0.2, CorpusDescription = "synthetic" });

    private static byte[] Bytes(AttributionModel model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    private static List<string?> Predict(AttributionModel model)
    {
        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { AttributionModel = model });
        return SyntheticCorpus.Create(20, seed: 99)
            .SelectMany(d => extractor.ExtractQuotes(d.Text).Quotes)
            .Select(q => q.Speaker?.Mention is { } m ? $"{m.Start}-{m.End}:{q.Cue?.Start}" : null)
            .ToList();
    }

    [Test]
    public void Train_SyntheticCorpus_LearnsTheTemplates()
    {
        var result = Trained.Value;

        result.Examples.Should().BeGreaterThan(100);
        result.HeldOut.Should().NotBeNull();
        result.HeldOut!.All.SpeakerExact.Should().BeGreaterThan(0.9);
        result.HeldOut.All.CueOverlap.Should().BeGreaterThan(0.9);
        result.Model.Manifest.Seed.Should().Be(7);
        result.Model.Manifest.Corpus.Should().StartWith("synthetic;").And.Contain("held back");
        result.Model.Manifest.FeatureSchema.Should().Equal(CandidateGenerator.FeatureNames);
        result.Model.Manifest.Metrics.Should().ContainKey("heldOutSpeakerExact");
    }

    [Test]
    public void Train_SameSeed_SameTreesAndPredictions()
    {
        var again = Train(seed: 7);

        again.Model.Ensemble.TreeCount.Should().Be(Trained.Value.Model.Ensemble.TreeCount);
        using (var a = new MemoryStream())
        using (var b = new MemoryStream())
        {
            using (var wa = new BinaryWriter(a, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                Trained.Value.Model.Ensemble.Write(wa);
            }

            using (var wb = new BinaryWriter(b, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                again.Model.Ensemble.Write(wb);
            }

            a.ToArray().Should().Equal(b.ToArray());
        }

        Predict(again.Model).Should().Equal(Predict(Trained.Value.Model));
    }

    [Test]
    public void SaveLoad_RoundTrip_KeepsManifestAndPredictions()
    {
        var model = Trained.Value.Model;
        using var ms = new MemoryStream(Bytes(model));

        var loaded = AttributionModel.Load(ms);

        loaded.Manifest.Should().BeEquivalentTo(model.Manifest);
        Predict(loaded).Should().Equal(Predict(model));
        Bytes(loaded).Should().Equal(Bytes(model));
    }

    [Test]
    public void Load_NotAModel_ThrowsModelFormatException()
    {
        using var ms = new MemoryStream([1, 2, 3, 4]);

        var act = () => AttributionModel.Load(ms);

        act.Should().Throw<ModelFormatException>();
    }

    [Test]
    public void Ensemble_MatchesMlNetProbabilities()
    {
        var model = Trained.Value.Model;
        var ml = new MLContext(1);
        using var ms = new MemoryStream(model.MlNetModel!);
        var transformer = ml.Model.Load(ms, out _);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200).Select(_ => new Row
        {
            Features = Enumerable.Range(0, CandidateGenerator.FeatureNames.Length).Select(_ => (float)random.Next(0, 12)).ToArray(),
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, CandidateGenerator.FeatureNames.Length);

        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows, schema));
        var scores = scored.GetColumn<float>("Score").ToList();
        var probabilities = scored.GetColumn<float>("Probability").ToList();

        for (int i = 0; i < rows.Count; i++)
        {
            double ours = model.Ensemble.Score(rows[i].Features);
            ours.Should().BeApproximately(scores[i], 1e-3);
            model.Probability(ours).Should().BeApproximately(probabilities[i], 1e-3);
        }
    }

    [Test]
    public void ScoreRows_EqualsScoreBitForBit()
    {
        var random = new Random(5);
        int width = CandidateGenerator.FeatureNames.Length + 3; // rows may be wider than the features
        foreach (var ensemble in new[] { AttributionModel.Default!.Ensemble, Trained.Value.Model.Ensemble })
        {
            foreach (int count in new[] { 1, 2, 3, 8, 9, 21 })
            {
                var rows = Enumerable.Range(0, count * width)
                    .Select(_ => random.Next(20) == 0 ? float.NaN : random.Next(-2, 40) + (random.Next(4) == 0 ? 0.5f : 0f))
                    .ToArray();
                foreach (var (from, to) in new[] { (0, ensemble.TreeCount), (0, 3), (3, ensemble.TreeCount) })
                {
                    var sums = new double[count];
                    ensemble.ScoreRows(rows, width, from, to, sums);
                    for (int r = 0; r < count; r++)
                    {
                        sums[r].Should().Be(ensemble.Score(rows.AsSpan(r * width, width), from, to), $"row {r} of {count}, trees {from}-{to}");
                    }
                }
            }
        }
    }

    [Test]
    public void Train_FastTree_AlsoWorks()
    {
        var result = Train(seed: 3, AttributionLearner.FastTree);

        result.Model.Manifest.Trainer.Should().StartWith("FastTree");
        result.HeldOut!.All.SpeakerExact.Should().BeGreaterThan(0.9);
    }

    [Test]
    public void Train_InvalidOptions_ListsEveryBadField()
    {
        var act = () => AttributionTrainer.Train(SyntheticCorpus.Create(2), new AttributionTrainingOptions { Trees = 0, Leaves = 1, LearningRate = 2, HoldOutFraction = 1 });

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("Trees") && e.Message.Contains("Leaves") && e.Message.Contains("LearningRate") && e.Message.Contains("HoldOutFraction"));
    }

    [Test]
    public void Default_IsEmbeddedWithManifest()
    {
        var model = AttributionModel.Default;

        model.Should().NotBeNull();
        model!.Manifest.FeatureSchema.Should().Equal(CandidateGenerator.FeatureNames);
        model.Manifest.Corpus.Should().Contain("PolNeAR");
    }

    public sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
