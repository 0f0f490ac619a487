using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using QuoteExtraction.Corpora;
using QuoteExtraction.Evaluation;
using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>The tree learner used for the attribution model.</summary>
public enum AttributionLearner
{
    /// <summary>ML.NET LightGBM binary classifier.</summary>
    LightGbm,

    /// <summary>ML.NET FastTree binary classifier.</summary>
    FastTree,
}

/// <summary>How to train an <see cref="AttributionModel"/>. Validated by <see cref="AttributionTrainer.Train"/>.</summary>
public sealed record AttributionTrainingOptions
{
    /// <summary>The random seed; the same seed, corpus and options give the same model.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>The tree learner. Default LightGBM (chosen by measurement on PolNeAR dev; see models/README.md).</summary>
    public AttributionLearner Learner { get; init; } = AttributionLearner.LightGbm;

    /// <summary>Boosting iterations (trees).</summary>
    public int Trees { get; init; } = 80;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 15;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 0.25;

    /// <summary>Minimum examples per leaf.</summary>
    public int MinimumExamplesPerLeaf { get; init; } = 10;

    /// <summary>The share of documents held back (by a seeded shuffle) to report metrics; 0 trains on all.</summary>
    public double HoldOutFraction { get; init; } = 0.1;

    /// <summary>A description of the corpus for the manifest.</summary>
    public string CorpusDescription { get; init; } = "unspecified corpus";

    /// <summary>Every invalid field, one message each.</summary>
    /// <returns>The messages; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Trees < 1)
        {
            errors.Add($"{nameof(Trees)} must be at least 1 (was {Trees}).");
        }

        if (Leaves < 2)
        {
            errors.Add($"{nameof(Leaves)} must be at least 2 (was {Leaves}).");
        }

        if (LearningRate is <= 0 or > 1)
        {
            errors.Add($"{nameof(LearningRate)} must be in (0, 1] (was {LearningRate}).");
        }

        if (MinimumExamplesPerLeaf < 1)
        {
            errors.Add($"{nameof(MinimumExamplesPerLeaf)} must be at least 1 (was {MinimumExamplesPerLeaf}).");
        }

        if (HoldOutFraction is < 0 or >= 1)
        {
            errors.Add($"{nameof(HoldOutFraction)} must be in [0, 1) (was {HoldOutFraction}).");
        }

        return errors;
    }
}

/// <summary>What training produced.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="TrainingDocuments">Documents used for training.</param>
/// <param name="HeldOutDocuments">Documents held back for the metrics.</param>
/// <param name="Examples">Quotations with a gold attribution used as examples.</param>
/// <param name="Candidates">Candidate rows.</param>
/// <param name="Reachable">Examples whose gold cue and source were among the candidates.</param>
/// <param name="HeldOut">Scores on the held-back documents, or <c>null</c> when nothing was held back.</param>
/// <param name="Elapsed">Training time.</param>
public sealed record AttributionTrainingResult(
    AttributionModel Model,
    int TrainingDocuments,
    int HeldOutDocuments,
    int Examples,
    int Candidates,
    int Reachable,
    AttributionReport? HeldOut,
    TimeSpan Elapsed);

/// <summary>Trains the speaker-attribution model from annotated documents with ML.NET.</summary>
public static class AttributionTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="documents">Annotated documents (PolNeAR or a JSONL corpus).</param>
    /// <param name="options">Training options.</param>
    /// <param name="log">Receives progress lines, or <c>null</c>.</param>
    /// <returns>The model and its figures.</returns>
    /// <exception cref="ArgumentException">Options are invalid (all bad fields listed) or the corpus has no usable example.</exception>
    public static AttributionTrainingResult Train(IReadOnlyList<AnnotatedDocument> documents, AttributionTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid AttributionTrainingOptions: " + string.Join(" ", errors), nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var (train, heldOut) = Split(documents, options);
        log?.Invoke($"documents: {train.Count} for training, {heldOut.Count} held back");

        var rows = new List<Row>();
        int examples = 0, reachable = 0;
        uint group = 0;
        var scanner = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSpeakers = false });
        foreach (var doc in train)
        {
            foreach (var (candidates, features, labels) in Examples(doc, scanner))
            {
                examples++;
                bool any = false;
                for (int c = 0; c < candidates.Count; c++)
                {
                    var row = new float[CandidateGenerator.FeatureNames.Length];
                    features.CopyTo(candidates[c].FeatureOffset, row, 0, row.Length);
                    rows.Add(new Row { Label = labels[c], Features = row, Group = group });
                    any |= labels[c];
                }

                reachable += any ? 1 : 0;
                group++;
            }
        }

        if (rows.Count == 0 || !rows.Any(r => r.Label))
        {
            throw new ArgumentException("The corpus has no quotation with a gold source and cue among the candidates; nothing to learn.", nameof(documents));
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"examples: {examples} quotations, {rows.Count} candidates, gold reachable for {reachable} ({100.0 * reachable / Math.Max(1, examples):0.0}%)"));
        var (model, mlnetBytes) = Fit(rows, options);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"trained {options.Learner} in {clock.Elapsed.TotalSeconds:0.0} s"));

        var metrics = new Dictionary<string, double>
        {
            ["trainingDocuments"] = train.Count,
            ["heldOutDocuments"] = heldOut.Count,
            ["examples"] = examples,
            ["candidates"] = rows.Count,
            ["goldReachable"] = Math.Round((double)reachable / Math.Max(1, examples), 4),
        };

        var corpus = heldOut.Count == 0 ? options.CorpusDescription : $"{options.CorpusDescription}; {train.Count} documents trained, {heldOut.Count} held back";
        var attribution = new AttributionModel(model.Manifest with { Seed = options.Seed, Corpus = corpus, Metrics = metrics }, model.Ensemble, mlnetBytes);
        AttributionReport? report = null;
        if (heldOut.Count > 0)
        {
            report = AttributionEvaluator.Evaluate(heldOut, QuoteExtractor.Create(new QuoteExtractorOptions { AttributionModel = attribution }));
            metrics["heldOutSpeakerOverlap"] = Math.Round(report.All.SpeakerOverlap, 4);
            metrics["heldOutSpeakerExact"] = Math.Round(report.All.SpeakerExact, 4);
            metrics["heldOutCueOverlap"] = Math.Round(report.All.CueOverlap, 4);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"held-out: speaker overlap {report.All.SpeakerOverlap:0.000}, exact {report.All.SpeakerExact:0.000}, cue overlap {report.All.CueOverlap:0.000}"));
        }

        return new AttributionTrainingResult(attribution, train.Count, heldOut.Count, examples, rows.Count, reachable, report, clock.Elapsed);
    }

    /// <summary>The candidate rows of every quotation of a document that has a gold source and cue, with labels.</summary>
    internal static IEnumerable<(List<Candidate> Candidates, List<float> Features, bool[] Labels)> Examples(AnnotatedDocument doc, QuoteExtractor scanner)
    {
        var result = scanner.ExtractQuotes(doc.Text);
        var analyzed = TextDocument.Analyze(doc.Text);
        var slots = SpeakerAttributor.Slots(analyzed, result.Quotes);
        if (slots.Count == 0)
        {
            yield break;
        }

        var generator = SpeakerAttributor.CreateGenerator(analyzed, slots, SpeakerAttributor.QuotedMask(analyzed, slots));
        var cues = generator.Cues;
        for (int qi = 0; qi < slots.Count; qi++)
        {
            var gold = GoldMatching.Match(slots[qi].InnerStart, slots[qi].InnerEnd, doc.Attributions);
            if (gold is null || gold.Source.Count == 0 || gold.Cue.Count == 0)
            {
                continue;
            }

            var candidates = new List<Candidate>();
            var features = new List<float>();
            generator.Generate(qi, candidates, features);
            if (candidates.Count == 0)
            {
                continue;
            }

            var labels = new bool[candidates.Count];
            for (int c = 0; c < candidates.Count; c++)
            {
                var cue = cues[candidates[c].Cue];
                labels[c] = GoldMatching.Overlaps(cue.Start, cue.End, gold.Cue)
                    && GoldMatching.SameSpan(doc.Text, candidates[c].MentionStart, candidates[c].MentionEnd, gold.Source);
            }

            yield return (candidates, features, labels);
        }
    }

    private static (List<AnnotatedDocument> Train, List<AnnotatedDocument> HeldOut) Split(IReadOnlyList<AnnotatedDocument> documents, AttributionTrainingOptions options)
    {
        if (options.HoldOutFraction <= 0)
        {
            return (documents.ToList(), []);
        }

        // A seeded shuffle of the names: the same seed holds back the same documents.
        var random = new Random(options.Seed);
        var order = documents.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d, k: random.Next())).OrderBy(x => x.k).Select(x => x.d).ToList();
        int held = (int)Math.Round(order.Count * options.HoldOutFraction);
        return (order.Skip(held).ToList(), order.Take(held).ToList());
    }

    private static (AttributionModel Model, byte[] MlNet) Fit(List<Row> rows, AttributionTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, CandidateGenerator.FeatureNames.Length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        RegressionTreeEnsemble ensemble;
        PlattCalibrator calibrator;
        ITransformer transformer;
        string trainer;
        if (options.Learner == AttributionLearner.LightGbm)
        {
            var fitted = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                NumberOfIterations = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                Seed = options.Seed,
                NumberOfThreads = 1,
                Silent = true,
            }).Fit(data);
            ensemble = fitted.Model.SubModel.TrainedTreeEnsemble;
            calibrator = fitted.Model.Calibrator;
            transformer = fitted;
            trainer = $"LightGbmBinary(trees={options.Trees}, leaves={options.Leaves}, learningRate={options.LearningRate}, minLeaf={options.MinimumExamplesPerLeaf})";
        }
        else
        {
            var fitted = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                Seed = options.Seed,
                NumberOfThreads = 1,
            }).Fit(data);
            ensemble = fitted.Model.SubModel.TrainedTreeEnsemble;
            calibrator = fitted.Model.Calibrator;
            transformer = fitted;
            trainer = $"FastTreeBinary(trees={options.Trees}, leaves={options.Leaves}, learningRate={options.LearningRate}, minLeaf={options.MinimumExamplesPerLeaf})";
        }

        using var ms = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, ms);
        var manifest = new ModelManifest
        {
            FeatureSchema = CandidateGenerator.FeatureNames,
            Trainer = trainer,
            PlattSlope = calibrator.Slope,
            PlattOffset = calibrator.Offset,
        };
        return (new AttributionModel(manifest, TreeEnsemble.FromMlNet(ensemble, CandidateGenerator.FeatureNames.Length)), ms.ToArray());
    }

    /// <summary>One candidate row for ML.NET.</summary>
    internal sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public uint Group { get; set; }
    }
}
