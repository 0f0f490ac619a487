using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

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
    private const string ManifestEntry = "manifest.json";
    private const string TreesEntry = "trees.bin";
    private const string MlNetEntry = "mlnet-model.zip";

    private static readonly Lazy<AttributionModel?> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

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
    public static AttributionModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new ModelFormatException($"The model has no {ManifestEntry}.");
            ModelManifest manifest;
            using (var s = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(s, JsonOptions) ?? throw new ModelFormatException("The manifest is empty.");
            }

            if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
            {
                throw new ModelFormatException($"Model format version {manifest.FormatVersion} is not supported (this library reads {ModelManifest.CurrentFormatVersion}).");
            }

            if (!manifest.FeatureSchema.SequenceEqual(CandidateGenerator.FeatureNames))
            {
                throw new ModelFormatException("The model was trained on a different feature schema; retrain it with this library version.");
            }

            var treesEntry = zip.GetEntry(TreesEntry) ?? throw new ModelFormatException($"The model has no {TreesEntry}.");
            TreeEnsemble ensemble;
            using (var s = treesEntry.Open())
            using (var reader = new BinaryReader(s))
            {
                ensemble = TreeEnsemble.Read(reader);
            }

            if (ensemble.FeatureCount != CandidateGenerator.FeatureNames.Length)
            {
                throw new ModelFormatException("The trees expect a different number of features.");
            }

            byte[]? mlnet = null;
            if (zip.GetEntry(MlNetEntry) is { } mlEntry)
            {
                using var s = mlEntry.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                mlnet = ms.ToArray();
            }

            return new AttributionModel(manifest, ensemble, mlnet);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or EndOfStreamException)
        {
            throw new ModelFormatException($"Not a QuoteExtraction model: {ex.Message}", ex);
        }
    }

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
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var fixedTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // same bytes for the same model
        var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        manifestEntry.LastWriteTime = fixedTime;
        using (var s = manifestEntry.Open())
        {
            JsonSerializer.Serialize(s, Manifest, JsonOptions);
        }

        var treesEntry = zip.CreateEntry(TreesEntry, CompressionLevel.Optimal);
        treesEntry.LastWriteTime = fixedTime;
        using (var s = treesEntry.Open())
        using (var writer = new BinaryWriter(s))
        {
            Ensemble.Write(writer);
        }

        if (MlNetModel is not null)
        {
            var ml = zip.CreateEntry(MlNetEntry, CompressionLevel.NoCompression);
            ml.LastWriteTime = fixedTime;
            using var s = ml.Open();
            s.Write(MlNetModel);
        }
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
