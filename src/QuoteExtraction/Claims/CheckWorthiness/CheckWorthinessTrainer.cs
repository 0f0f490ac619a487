using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using QuoteExtraction.Attribution;

namespace QuoteExtraction.Claims;

/// <summary>The model family trained by <see cref="CheckWorthinessTrainer"/>.</summary>
public enum CheckWorthinessLearner
{
    /// <summary>L-BFGS logistic regression on hashed n-grams and dense cues.</summary>
    Linear,

    /// <summary>The linear model, then LightGBM trees over the dense cues and the (out-of-fold) linear score.</summary>
    Stacked,
}

/// <summary>How to train a <see cref="CheckWorthinessModel"/>. Validated by <see cref="CheckWorthinessTrainer.Train"/>.</summary>
public sealed record CheckWorthinessTrainingOptions
{
    /// <summary>The random seed (fold assignment, tree learner); the same seed, data and options give the same model.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>The model family.</summary>
    public CheckWorthinessLearner Learner { get; init; } = CheckWorthinessLearner.Linear;

    /// <summary>L2 regularisation of the logistic regression.</summary>
    public float L2 { get; init; } = 1f;

    /// <summary>L1 regularisation of the logistic regression.</summary>
    public float L1 { get; init; } = 0.1f;

    /// <summary>Example weight of sentences with a <see cref="ClaimSentence.Group"/> (CLEF transcripts) relative to the others.</summary>
    public float GroupedWeight { get; init; } = 1f;

    /// <summary>Boosting iterations of the stacked trees.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 15;

    /// <summary>Learning rate of the trees.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Folds for the out-of-fold linear scores that the stacked trees learn from.</summary>
    public int StackFolds { get; init; } = 4;

    /// <summary>Folds of the ClaimBuster cross-validation.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>The decision threshold stored in the manifest (for <see cref="CheckWorthinessModel.IsCheckWorthy"/> and F1).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>A description of the training data for the manifest.</summary>
    public string CorpusDescription { get; init; } = "unspecified data";

    /// <summary>Every invalid field, one message each.</summary>
    /// <returns>The messages; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (L2 < 0 || L1 < 0)
        {
            errors.Add($"{nameof(L1)} and {nameof(L2)} must not be negative (were {L1}, {L2}).");
        }

        if (GroupedWeight <= 0)
        {
            errors.Add($"{nameof(GroupedWeight)} must be positive (was {GroupedWeight}).");
        }

        if (Trees < 1 || Leaves < 2)
        {
            errors.Add($"{nameof(Trees)} must be at least 1 and {nameof(Leaves)} at least 2 (were {Trees}, {Leaves}).");
        }

        if (LearningRate is <= 0 or > 1)
        {
            errors.Add($"{nameof(LearningRate)} must be in (0, 1] (was {LearningRate}).");
        }

        if (StackFolds < 2 || Folds < 2)
        {
            errors.Add($"{nameof(Folds)} and {nameof(StackFolds)} must be at least 2 (were {Folds}, {StackFolds}).");
        }

        if (Threshold is <= 0 or >= 1)
        {
            errors.Add($"{nameof(Threshold)} must be in (0, 1) (was {Threshold}).");
        }

        return errors;
    }
}

/// <summary>Cross-validated figures of a check-worthiness configuration.</summary>
/// <param name="ClaimBuster">ClaimBuster k-fold figures for the positive class at the threshold, or <c>null</c> without ClaimBuster data.</param>
/// <param name="ClaimBusterFolds">The number of ClaimBuster folds.</param>
/// <param name="ClefMap">CLEF MAP over held-out transcripts, or <see cref="double.NaN"/> without CLEF data.</param>
/// <param name="ClefAveragePrecision">Average precision of every held-out transcript.</param>
/// <param name="Elapsed">Cross-validation time.</param>
public sealed record CheckWorthinessReport(
    BinaryFigures? ClaimBuster,
    int ClaimBusterFolds,
    double ClefMap,
    IReadOnlyDictionary<string, double> ClefAveragePrecision,
    TimeSpan Elapsed)
{
    /// <summary>The figures as manifest metrics.</summary>
    /// <returns>Name/value pairs rounded to four decimals.</returns>
    public Dictionary<string, double> ToMetrics()
    {
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        if (ClaimBuster is { } cb)
        {
            m["claimBusterCvFolds"] = ClaimBusterFolds;
            m["claimBusterCvF1"] = Math.Round(cb.F1, 4);
            m["claimBusterCvPrecision"] = Math.Round(cb.Precision, 4);
            m["claimBusterCvRecall"] = Math.Round(cb.Recall, 4);
            m["claimBusterCvAccuracy"] = Math.Round(cb.Accuracy, 4);
        }

        if (!double.IsNaN(ClefMap))
        {
            m["clefTranscriptCvMap"] = Math.Round(ClefMap, 4);
            m["clefTranscripts"] = ClefAveragePrecision.Count;
        }

        return m;
    }

    /// <summary>The figures as text lines.</summary>
    /// <returns>A multi-line report.</returns>
    public string Format()
    {
        var sb = new System.Text.StringBuilder();
        if (ClaimBuster is { } cb)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"ClaimBuster {ClaimBusterFolds}-fold CV (positive class): F1 {cb.F1:0.000}, precision {cb.Precision:0.000}, recall {cb.Recall:0.000}, accuracy {cb.Accuracy:0.000} ({cb.Count} sentences)"));
        }

        if (!double.IsNaN(ClefMap))
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CLEF-2019 transcript-wise CV: MAP {ClefMap:0.0000} over {ClefAveragePrecision.Count} held-out transcripts"));
            foreach (var (name, ap) in ClefAveragePrecision)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  AP {ap:0.0000}  {name}"));
            }
        }

        return sb.ToString();
    }
}

/// <summary>Trains and cross-validates <see cref="CheckWorthinessModel"/>s with ML.NET (single-threaded and seeded: reproducible).</summary>
public static class CheckWorthinessTrainer
{
    /// <summary>Trains a model on labelled sentences.</summary>
    /// <param name="sentences">Training sentences (for example ClaimBuster and CLEF together).</param>
    /// <param name="options">Training options.</param>
    /// <param name="metrics">Figures to store in the manifest (for example from <see cref="CrossValidate"/>), or <c>null</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">Options are invalid, or the data lacks positive or negative examples.</exception>
    public static CheckWorthinessModel Train(IReadOnlyList<ClaimSentence> sentences, CheckWorthinessTrainingOptions options, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        CheckOptions(options);
        var samples = Featurize(sentences);
        CheckLabels(samples, Enumerable.Range(0, samples.Length), nameof(sentences));
        var model = Fit(samples, Enumerable.Range(0, samples.Length).ToArray(), options);
        var m = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["trainingSentences"] = sentences.Count,
            ["trainingPositives"] = sentences.Count(s => s.Label),
        };
        foreach (var (k, v) in metrics ?? new Dictionary<string, double>())
        {
            m[k] = v;
        }

        return new CheckWorthinessModel(model.Manifest with { Corpus = options.CorpusDescription, Metrics = m }, model.Weights, model.Bias, model.Trees);
    }

    /// <summary>
    /// Cross-validates a configuration: ClaimBuster stratified k-fold (<see cref="CheckWorthinessTrainingOptions.Folds"/>, ClaimBuster only,
    /// figures at <see cref="CheckWorthinessTrainingOptions.Threshold"/>), and CLEF leave-one-transcript-out: each transcript (group) is
    /// held out in turn, the model is trained on the other transcripts plus all of <paramref name="claimBuster"/> except sentences whose
    /// normalised text occurs in the held-out transcript (the data sets share debates), and the held-out sentences are ranked by score.
    /// </summary>
    /// <param name="claimBuster">ClaimBuster sentences (may be empty).</param>
    /// <param name="clef">CLEF sentences with their transcript as <see cref="ClaimSentence.Group"/> (may be empty).</param>
    /// <param name="options">Training options.</param>
    /// <param name="log">Receives a line per fold, or <c>null</c>.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException">Options are invalid, or a CLEF sentence has no group.</exception>
    public static CheckWorthinessReport CrossValidate(IReadOnlyList<ClaimSentence> claimBuster, IReadOnlyList<ClaimSentence> clef, CheckWorthinessTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(claimBuster);
        ArgumentNullException.ThrowIfNull(clef);
        CheckOptions(options);
        if (clef.Any(s => s.Group is null))
        {
            throw new ArgumentException("Every CLEF sentence needs its transcript as Group.", nameof(clef));
        }

        var clock = Stopwatch.StartNew();
        var all = claimBuster.Concat(clef).ToList();
        var samples = Featurize(all);
        int nCb = claimBuster.Count;

        BinaryFigures? cbFigures = null;
        if (nCb > 0)
        {
            var fold = StratifiedFolds(claimBuster, options.Folds, options.Seed);
            var scores = new double[nCb];
            for (int f = 0; f < options.Folds; f++)
            {
                var train = Enumerable.Range(0, nCb).Where(i => fold[i] != f).ToArray();
                var test = Enumerable.Range(0, nCb).Where(i => fold[i] == f).ToArray();
                CheckLabels(samples, train, nameof(claimBuster));
                var model = Fit(samples, train, options);
                foreach (var i in test)
                {
                    scores[i] = model.Score(samples[i]);
                }

                var foldFigures = BinaryFigures.At(test.Select(i => (scores[i], samples[i].Label)), options.Threshold);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"ClaimBuster fold {f + 1}/{options.Folds}: F1 {foldFigures.F1:0.000} ({clock.Elapsed.TotalSeconds:0.0} s)"));
            }

            cbFigures = BinaryFigures.At(Enumerable.Range(0, nCb).Select(i => (scores[i], samples[i].Label)), options.Threshold);
        }

        var perTranscript = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double map = double.NaN;
        if (clef.Count > 0)
        {
            var keys = all.Select(s => Normalize(s.Text)).ToArray();
            var groups = clef.Select((s, i) => (s.Group!, i: nCb + i)).GroupBy(x => x.Item1, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var g in groups)
            {
                var held = g.Select(x => x.i).ToArray();
                if (!held.Any(i => samples[i].Label))
                {
                    continue;
                }

                var heldKeys = held.Select(i => keys[i]).ToHashSet(StringComparer.Ordinal);
                var train = Enumerable.Range(0, all.Count)
                    .Where(i => i < nCb ? !heldKeys.Contains(keys[i]) : !string.Equals(all[i].Group, g.Key, StringComparison.Ordinal))
                    .ToArray();
                CheckLabels(samples, train, nameof(clef));
                var model = Fit(samples, train, options);
                double ap = RankingMetrics.AveragePrecision(held.Select(i => (model.Score(samples[i]), samples[i].Label)));
                perTranscript[g.Key] = ap;
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"CLEF held out {g.Key}: AP {ap:0.0000} ({held.Length} sentences; {clock.Elapsed.TotalSeconds:0.0} s)"));
            }

            map = perTranscript.Count == 0 ? double.NaN : perTranscript.Values.Average();
        }

        return new CheckWorthinessReport(cbFigures, options.Folds, map, perTranscript, clock.Elapsed);
    }

    /// <summary>Lower-cased letters and digits only: the key that finds the same sentence in both data sets.</summary>
    internal static string Normalize(string text) => string.Create(text.Count(char.IsLetterOrDigit), text, (span, t) =>
    {
        int k = 0;
        foreach (char c in t)
        {
            if (char.IsLetterOrDigit(c))
            {
                span[k++] = char.ToLowerInvariant(c);
            }
        }
    });

    private static void CheckOptions(CheckWorthinessTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CheckWorthinessTrainingOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    private static void CheckLabels(Sample[] samples, IEnumerable<int> rows, string parameter)
    {
        bool pos = false, neg = false;
        foreach (var i in rows)
        {
            pos |= samples[i].Label;
            neg |= !samples[i].Label;
        }

        if (!pos || !neg)
        {
            throw new ArgumentException("Training needs both check-worthy and other sentences.", parameter);
        }
    }

    /// <summary>A seeded, label-stratified fold number for every sentence.</summary>
    private static int[] StratifiedFolds(IReadOnlyList<ClaimSentence> sentences, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[sentences.Count];
        foreach (bool label in (bool[])[true, false])
        {
            var idx = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Label == label).ToArray();
            random.Shuffle(idx);
            for (int k = 0; k < idx.Length; k++)
            {
                fold[idx[k]] = k % folds;
            }
        }

        return fold;
    }

    internal static Sample[] Featurize(IReadOnlyList<ClaimSentence> sentences)
    {
        var result = new Sample[sentences.Count];
        var hashes = new List<int>();
        var dense = new float[CheckWorthinessFeatures.DenseCount];
        for (int s = 0; s < sentences.Count; s++)
        {
            hashes.Clear();
            CheckWorthinessFeatures.Extract(sentences[s].Text, dense, hashes);
            hashes.Sort();
            var indices = new List<int>(CheckWorthinessFeatures.DenseCount + hashes.Count);
            var values = new List<float>(indices.Capacity);
            for (int i = 0; i < dense.Length; i++)
            {
                if (dense[i] != 0)
                {
                    indices.Add(i);
                    values.Add(dense[i]);
                }
            }

            for (int k = 0; k < hashes.Count;)
            {
                int h = hashes[k], run = 0;
                while (k < hashes.Count && hashes[k] == h)
                {
                    k++;
                    run++;
                }

                indices.Add(CheckWorthinessFeatures.DenseCount + h);
                values.Add(run);
            }

            result[s] = new Sample([.. indices], [.. values], (float[])dense.Clone(), sentences[s].Label, sentences[s].Group is null ? 1f : 0f);
        }

        return result;
    }

    private static Fitted Fit(Sample[] samples, int[] rows, CheckWorthinessTrainingOptions options)
    {
        var (weights, bias) = FitLinear(samples, rows, options);
        string linearName = string.Create(CultureInfo.InvariantCulture, $"LbfgsLogisticRegression(l2={options.L2}, l1={options.L1}, groupedWeight={options.GroupedWeight})");
        var manifest = new ModelManifest
        {
            Kind = CheckWorthinessModel.ModelKind,
            FeatureSchema = CheckWorthinessFeatures.Schema,
            Trainer = linearName,
            Seed = options.Seed,
            Threshold = options.Threshold,
            PlattSlope = -1,
            PlattOffset = 0,
        };
        if (options.Learner == CheckWorthinessLearner.Linear)
        {
            return new Fitted(manifest, weights, bias, null);
        }

        // Out-of-fold linear scores, so the trees see the linear score as it behaves on unseen sentences.
        var oof = new float[samples.Length];
        var random = new Random(options.Seed + 1);
        var order = rows.ToArray();
        random.Shuffle(order);
        for (int f = 0; f < options.StackFolds; f++)
        {
            var train = order.Where((_, k) => k % options.StackFolds != f).ToArray();
            var (w, b) = FitLinear(samples, train, options);
            for (int k = f; k < order.Length; k += options.StackFolds)
            {
                oof[order[k]] = (float)Linear(samples[order[k]], w, b);
            }
        }

        var (trees, slope, offset) = FitTrees(samples, rows, oof, options);
        return new Fitted(
            manifest with
            {
                Trainer = linearName + string.Create(CultureInfo.InvariantCulture, $" + LightGbmBinary(trees={options.Trees}, leaves={options.Leaves}, learningRate={options.LearningRate}, stackFolds={options.StackFolds}) over dense cues and the linear score"),
                PlattSlope = slope,
                PlattOffset = offset,
            },
            weights,
            bias,
            trees);
    }

    private static (float[] Weights, double Bias) FitLinear(Sample[] samples, int[] rows, CheckWorthinessTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        int width = CheckWorthinessFeatures.Width;
        var schema = SchemaDefinition.Create(typeof(LinearRow));
        schema[nameof(LinearRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(
            rows.Select(i => new LinearRow
            {
                Label = samples[i].Label,
                Features = new VBuffer<float>(width, samples[i].Indices.Length, samples[i].Values, samples[i].Indices),
                Weight = samples[i].Grouped > 0 ? options.GroupedWeight : 1f,
            }),
            schema);
        var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(LinearRow.Label),
            FeatureColumnName = nameof(LinearRow.Features),
            ExampleWeightColumnName = nameof(LinearRow.Weight),
            L2Regularization = options.L2,
            L1Regularization = options.L1,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 500,
            ShowTrainingStatistics = false,
        }).Fit(data);
        var linear = fitted.Model.SubModel;
        var weights = new float[width];
        var source = linear.Weights;
        for (int i = 0; i < width; i++)
        {
            weights[i] = source[i];
        }

        return (weights, linear.Bias);
    }

    private static (TreeEnsemble Trees, double Slope, double Offset) FitTrees(Sample[] samples, int[] rows, float[] linearScore, CheckWorthinessTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        int width = CheckWorthinessFeatures.DenseCount + 1;
        var schema = SchemaDefinition.Create(typeof(DenseRow));
        schema[nameof(DenseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(
            rows.Select(i =>
            {
                var f = new float[width];
                samples[i].Dense.CopyTo(f, 0);
                f[^1] = linearScore[i];
                return new DenseRow { Label = samples[i].Label, Features = f, Weight = samples[i].Grouped > 0 ? options.GroupedWeight : 1f };
            }),
            schema);
        var fitted = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(DenseRow.Label),
            FeatureColumnName = nameof(DenseRow.Features),
            ExampleWeightColumnName = nameof(DenseRow.Weight),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = 20,
            Seed = options.Seed,
            NumberOfThreads = 1,
            Silent = true,
        }).Fit(data);
        return (TreeEnsemble.FromMlNet(fitted.Model.SubModel.TrainedTreeEnsemble, width), fitted.Model.Calibrator.Slope, fitted.Model.Calibrator.Offset);
    }

    private static double Linear(Sample s, float[] weights, double bias)
    {
        double sum = bias;
        for (int k = 0; k < s.Indices.Length; k++)
        {
            sum += weights[s.Indices[k]] * s.Values[k];
        }

        return sum;
    }

    /// <summary>A featurised sentence: the sparse full vector, its dense part, the label, and 1 for grouped (CLEF) sentences.</summary>
    internal sealed record Sample(int[] Indices, float[] Values, float[] Dense, bool Label, float Grouped);

    private sealed record Fitted(ModelManifest Manifest, float[] Weights, double Bias, TreeEnsemble? Trees)
    {
        public double Score(Sample s)
        {
            Span<float> row = stackalloc float[CheckWorthinessFeatures.DenseCount + 1];
            s.Dense.CopyTo(row);
            return CheckWorthinessModel.Probability(Linear(s, Weights, Bias), row, Trees, Manifest);
        }
    }

    private sealed class LinearRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }

    private sealed class DenseRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }
}
