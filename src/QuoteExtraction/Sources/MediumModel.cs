using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using QuoteExtraction.Attribution;

namespace QuoteExtraction.Sources;

/// <summary>
/// The medium classifier: a multiclass linear model (ML.NET SDCA maximum entropy) over the source evidence features,
/// class 0 meaning "no medium stated". Weights are exported and scored directly; thread-safe and immutable.
/// </summary>
public sealed class MediumModel
{
    private const string WeightsEntry = "weights.bin";

    private static readonly Lazy<MediumModel?> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);


    private readonly float[] _weights; // classes x features
    private readonly float[] _bias;
    private readonly bool _finiteWeights; // then a zero feature adds nothing and is skipped

    internal MediumModel(ModelManifest manifest, float[] weights, float[] bias)
    {
        Manifest = manifest;
        _weights = weights;
        _bias = bias;
        _finiteWeights = true;
        foreach (var w in weights)
        {
            _finiteWeights &= float.IsFinite(w); // a loop, not Array.TrueForAll<float>: that is JIT-compiled at start-up
        }
    }

    /// <summary>The model embedded in the package, or <c>null</c> if the build has none.</summary>
    public static MediumModel? Default => LazyDefault.Value;

    /// <summary>What the model says about itself.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The number of classes: "none" plus every medium of <see cref="Media.All"/>.</summary>
    public static int ClassCount => Media.All.Count + 1;

    /// <summary>The names of the features, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = BuildFeatureNames();

    /// <summary>Predicts the medium of one feature row, or <c>null</c> for "no medium stated".</summary>
    /// <param name="row">The features.</param>
    /// <returns>The medium name or <c>null</c>.</returns>
    public string? Predict(ReadOnlySpan<float> row)
    {
        int n = SourceAttributor.FeatureCount;
        if (row.Length < n)
        {
            throw new ArgumentException($"A row needs {n} features.", nameof(row));
        }

        // Rows are mostly zeros, and adding w * 0 leaves a sum as it is (up to the sign of a zero, which no comparison
        // sees) when the weights are finite, so only the non-zero features are added, still in feature order per class.
        int classes = ClassCount;
        Span<double> scores = stackalloc double[classes];
        for (int k = 0; k < classes; k++)
        {
            scores[k] = _bias[k];
        }

        for (int i = 0; i < n; i++)
        {
            float x = row[i];
            if (x == 0 && _finiteWeights)
            {
                continue;
            }

            for (int k = 0; k < classes; k++)
            {
                scores[k] += _weights[(k * n) + i] * x;
            }
        }

        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            if (scores[k] > bestScore)
            {
                bestScore = scores[k];
                best = k;
            }
        }

        return best == 0 ? null : Media.All[best - 1];
    }

    /// <summary>Trains the classifier.</summary>
    /// <param name="rows">Feature rows.</param>
    /// <param name="labels">Class per row: 0 none, 1 + index in <see cref="Media.All"/>.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="corpus">A description of the training data for the manifest.</param>
    /// <returns>The model.</returns>
    public static MediumModel Train(IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, int seed, string corpus)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count || rows.Count == 0)
        {
            throw new ArgumentException("Rows and labels must be non-empty and of the same length.", nameof(rows));
        }

        var ml = new MLContext(seed);
        // Raw key values given to LoadFromEnumerable are zero-based class indexes (checked against ML.NET's own predictions in the tests).
        var data = rows.Select((r, i) => new Row { Features = r, Label = (uint)labels[i] }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SourceAttributor.FeatureCount);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)ClassCount);
        var view = ml.Data.LoadFromEnumerable(data, schema);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            NumberOfThreads = 1,
            L2Regularization = 0.01f,
            MaximumNumberOfIterations = 200,
        });
        var model = trainer.Fit(view).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int classes);
        var bias = model.GetBiases().ToArray();
        var flat = new float[ClassCount * SourceAttributor.FeatureCount];
        for (int k = 0; k < classes && k < ClassCount; k++)
        {
            weights[k].DenseValues().ToArray().CopyTo(flat, k * SourceAttributor.FeatureCount);
        }

        var manifest = new ModelManifest
        {
            Kind = "source-medium",
            FeatureSchema = FeatureNames,
            Trainer = "SdcaMaximumEntropy(l2=0.01, iterations=200)",
            Seed = seed,
            Corpus = corpus,
        };
        return new MediumModel(manifest, flat, bias);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The zip.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFormatException">Not a medium model of this library's feature schema.</exception>
    public static MediumModel Load(Stream stream) =>
        ModelArchive.Read(stream, "source-medium", FeatureNames, (manifest, open) =>
        {
            using var reader = open(WeightsEntry) ?? throw new ModelFormatException($"The model has no {WeightsEntry}.");
            var weights = new float[ClassCount * SourceAttributor.FeatureCount];
            var bias = new float[ClassCount];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            for (int i = 0; i < bias.Length; i++)
            {
                bias[i] = reader.ReadSingle();
            }

            return new MediumModel(manifest, weights, bias);
        });

    /// <summary>Writes the model: <c>manifest.json</c> and <c>weights.bin</c>.</summary>
    /// <param name="stream">The destination.</param>
    public void Save(Stream stream) =>
        ModelArchive.Write(stream, Manifest, (WeightsEntry, writer =>
        {
            foreach (var v in _weights)
            {
                writer.Write(v);
            }

            foreach (var v in _bias)
            {
                writer.Write(v);
            }
        }, false));

    private static MediumModel? LoadDefault()
    {
        using var stream = typeof(MediumModel).Assembly.GetManifestResourceStream("QuoteExtraction.Models.source-medium.zip");
        return stream is null ? null : Load(stream);
    }

    private static string[] BuildFeatureNames()
    {
        var names = new List<string>();
        foreach (var region in new[] { "near", "scope", "before" })
        {
            names.AddRange(Media.All.Select(m => $"{region}:{m}"));
        }

        names.AddRange(["cue:none", "cue:say", "cue:tell", "cue:write", "cue:tweet", "cue:add", "cue:ask", "cue:according", "cue:statement", "cue:interview", "cue:speak", "cue:other"]);
        names.AddRange(["told:none", "told:outlet", "told:reporters", "told:crowd", "told:officials", "told:other"]);
        names.AddRange(["outlet", "outlet:print", "outlet:broadcast", "event", "speaker:spokesperson", "continuation", "sameSpeaker", "inheritedSpeaker"]);
        names.Add("previous:none");
        names.AddRange(Media.All.Select(m => $"previous:{m}"));
        names.Add("rule:none");
        names.AddRange(Media.All.Select(m => $"rule:{m}"));
        return [.. names];
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}
