
namespace QuoteExtraction.Attribution;

/// <summary>What a model file says about itself: format, features, how and on what it was trained, and how well it did.</summary>
public sealed record ModelManifest
{
    /// <summary>The current model file format version.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format version of the model file.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>What the model does ("speaker-attribution").</summary>
    public string Kind { get; init; } = "speaker-attribution";

    /// <summary>The feature columns the model expects, in order.</summary>
    public IReadOnlyList<string> FeatureSchema { get; init; } = [];

    /// <summary>The ML.NET trainer and its main settings.</summary>
    public string Trainer { get; init; } = string.Empty;

    /// <summary>The random seed used for training.</summary>
    public int Seed { get; init; }

    /// <summary>A description of the training corpus.</summary>
    public string Corpus { get; init; } = string.Empty;

    /// <summary>Training figures: examples, candidates, and scores on the held-back part.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The lowest calibrated probability at which a speaker is returned (below it: no speaker).</summary>
    public double Threshold { get; init; } = 0.05;

    /// <summary>Platt calibration slope: <c>p = 1 / (1 + exp(Slope * score + Offset))</c>.</summary>
    public double PlattSlope { get; init; } = -1;

    /// <summary>Platt calibration offset.</summary>
    public double PlattOffset { get; init; }

    /// <summary>The library version that wrote the model.</summary>
    public string LibraryVersion { get; init; } = typeof(ModelManifest).Assembly.GetName().Version?.ToString() ?? "0";
}

/// <summary>Thrown when a model file cannot be read or does not fit this library.</summary>
public sealed class ModelFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ModelFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The speaker-attribution model: a tree ensemble that ranks (cue, source) candidates, with its manifest.
/// Immutable and thread-safe. <see cref="Default"/> is embedded in the library and loaded on first use.
/// </summary>
public sealed class AttributionModel
{
    private const string TreesEntry = "trees.bin";
    private const string MlNetEntry = "mlnet-model.zip";

    private static readonly Lazy<AttributionModel?> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);


    internal AttributionModel(ModelManifest manifest, TreeEnsemble ensemble, byte[]? mlNetModel = null)
    {
        Manifest = manifest;
        Ensemble = ensemble;
        MlNetModel = mlNetModel;
    }

    /// <summary>The model that ships in the package (trained on PolNeAR train), or <c>null</c> if the build has none.</summary>
    public static AttributionModel? Default => LazyDefault.Value;

    /// <summary>What the model says about itself.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The trees that score candidates.</summary>
    public TreeEnsemble Ensemble { get; }

    /// <summary>The original ML.NET model (zip bytes) for users who want to load it with ML.NET, or <c>null</c>.</summary>
    public byte[]? MlNetModel { get; }

    /// <summary>The calibrated probability of a raw score.</summary>
    /// <param name="score">The ensemble score.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double Probability(double score) => 1.0 / (1.0 + Math.Exp((Manifest.PlattSlope * score) + Manifest.PlattOffset));

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">A readable stream holding the model zip.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFormatException">The stream is not a model of a supported format or its features differ.</exception>
    public static AttributionModel Load(Stream stream) =>
        ModelArchive.Read(stream, "speaker-attribution", CandidateGenerator.FeatureNames, (manifest, open) =>
        {
            using var trees = open(TreesEntry) ?? throw new ModelFormatException($"The model has no {TreesEntry}.");
            var ensemble = TreeEnsemble.Read(trees);
            if (ensemble.FeatureCount != CandidateGenerator.FeatureNames.Length)
            {
                throw new ModelFormatException("The trees expect a different number of features.");
            }

            byte[]? mlnet = null;
            if (open(MlNetEntry) is { } ml)
            {
                using (ml)
                {
                    mlnet = ((MemoryStream)ml.BaseStream).ToArray();
                }
            }

            return new AttributionModel(manifest, ensemble, mlnet);
        });

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The model.</returns>
    public static AttributionModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Writes the model as a zip: <c>manifest.json</c>, <c>trees.bin</c> and, when present, <c>mlnet-model.zip</c>.</summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream)
    {
        var entries = new List<(string, Action<BinaryWriter>, bool)> { (TreesEntry, Ensemble.Write, false) };
        if (MlNetModel is { } mlnet)
        {
            entries.Add((MlNetEntry, w => w.Write(mlnet), true));
        }

        ModelArchive.Write(stream, Manifest, [.. entries]);
    }

    /// <summary>Writes the model to a file.</summary>
    /// <param name="path">The file path.</param>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Save(stream);
    }

    private static AttributionModel? LoadDefault()
    {
        using var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream("QuoteExtraction.Models.attribution.zip");
        return stream is null ? null : Load(stream);
    }
}
