using QuoteExtraction.Attribution;
using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>
/// Scores how check-worthy a sentence is: the probability (0..1) that it states a factual claim worth checking.
/// A logistic-regression model over hashed word n-grams and dense cues, optionally followed by boosted trees over the dense
/// cues and the linear score, exported from ML.NET and scored directly (no ML.NET pipeline at inference).
/// Immutable and thread-safe. <see cref="Default"/> is embedded in the library and loaded on first use.
/// </summary>
public sealed class CheckWorthinessModel : IClaimScorer
{
    /// <summary>The <see cref="ModelManifest.Kind"/> of check-worthiness models.</summary>
    public const string ModelKind = "check-worthiness";

    private const string WeightsEntry = "weights.bin";
    private const string TreesEntry = "trees.bin";
    private const string ResourceName = "QuoteExtraction.Models.checkworthiness.zip";

    private static readonly Lazy<CheckWorthinessModel?> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);


    private readonly float[] _dense;
    private readonly HashedWeights _hashed;
    private readonly double _bias;

    internal CheckWorthinessModel(ModelManifest manifest, float[] weights, double bias, TreeEnsemble? trees)
    {
        if (weights.Length != CheckWorthinessFeatures.Width)
        {
            throw new ModelFormatException($"The linear model has {weights.Length} weights; this library uses {CheckWorthinessFeatures.Width}.");
        }

        if (trees is not null && trees.FeatureCount != CheckWorthinessFeatures.DenseCount + 1)
        {
            throw new ModelFormatException("The trees expect a different number of features.");
        }

        Manifest = manifest;
        _dense = weights[..CheckWorthinessFeatures.DenseCount];
        _hashed = new HashedWeights(weights.AsSpan(CheckWorthinessFeatures.DenseCount));
        _bias = bias;
        Trees = trees;
    }

    /// <summary>The model that ships in the package (trained on ClaimBuster and CLEF-2019 train), or <c>null</c> if the build has none.</summary>
    public static CheckWorthinessModel? Default => LazyDefault.Value;

    /// <summary>What the model says about itself: trainer, seed, data and cross-validated figures.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The second-stage trees over the dense cues and the linear score, or <c>null</c> for a purely linear model.</summary>
    public TreeEnsemble? Trees { get; }

    /// <summary>The probability that <paramref name="sentence"/> is a check-worthy factual claim.</summary>
    /// <param name="sentence">One sentence of English text.</param>
    /// <returns>A score in [0, 1]; higher is more check-worthy.</returns>
    public double Score(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var doc = TextDocument.Analyze(sentence);
        return Score(doc, 0, doc.Tokens.Length);
    }

    /// <summary>The probability that the sentence <c>text[start..end)</c> is a check-worthy factual claim.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Offset of the sentence's first character.</param>
    /// <param name="end">Offset just past its last character.</param>
    /// <returns>A score in [0, 1].</returns>
    public double Score(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return Score(text.Substring(start, end - start));
    }

    /// <summary>
    /// The probability that the tokens <c>[firstToken, endToken)</c> of an analysed document (a <see cref="SentenceSpan"/>'s
    /// token range, say) are a check-worthy factual claim. Reads the document's tokens: nothing is tokenised again.
    /// </summary>
    /// <param name="document">The analysed document.</param>
    /// <param name="firstToken">The first token.</param>
    /// <param name="endToken">The token just past the last one.</param>
    /// <returns>A score in [0, 1].</returns>
    public double Score(TextDocument document, int firstToken, int endToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(firstToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endToken, document.Tokens.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstToken, endToken);
        Span<float> row = stackalloc float[CheckWorthinessFeatures.DenseCount + 1];
        double linear = CheckWorthinessFeatures.LinearScore(document, firstToken, endToken, _dense, _hashed, _bias, row);
        return Probability(linear, row, Trees, Manifest);
    }

    /// <summary>
    /// The probability from the linear score: its sigmoid for a linear model, else the calibrated score of the trees over
    /// the dense cues and the linear score. Shared with training, which scores pre-featurised sentences.
    /// </summary>
    /// <param name="linear">The linear score.</param>
    /// <param name="row">The dense cues followed by one free slot (<see cref="CheckWorthinessFeatures.DenseCount"/> + 1 values).</param>
    /// <param name="trees">The second-stage trees, or <c>null</c>.</param>
    /// <param name="manifest">The manifest with the trees' calibration.</param>
    /// <returns>A probability.</returns>
    internal static double Probability(double linear, Span<float> row, TreeEnsemble? trees, ModelManifest manifest)
    {
        if (trees is null)
        {
            return Sigmoid(linear);
        }

        row[^1] = (float)linear;
        return 1.0 / (1.0 + Math.Exp((manifest.PlattSlope * trees.Score(row)) + manifest.PlattOffset));
    }

    /// <summary>Whether the score reaches the model's decision threshold (<see cref="ModelManifest.Threshold"/>).</summary>
    /// <param name="sentence">One sentence.</param>
    /// <returns><see langword="true"/> for a check-worthy claim.</returns>
    public bool IsCheckWorthy(string sentence) => Score(sentence) >= Manifest.Threshold;

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">A readable stream holding the model zip.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFormatException">The stream is not a check-worthiness model of a supported format or its features differ.</exception>
    public static CheckWorthinessModel Load(Stream stream) =>
        ModelArchive.Read(stream, ModelKind, CheckWorthinessFeatures.Schema, (manifest, open) =>
        {
            float[] weights;
            double bias;
            using (var reader = open(WeightsEntry) ?? throw new ModelFormatException($"The model has no {WeightsEntry}."))
            {
                (weights, bias) = ReadWeights(reader);
            }

            TreeEnsemble? trees = null;
            if (open(TreesEntry) is { } treeReader)
            {
                using (treeReader)
                {
                    trees = TreeEnsemble.Read(treeReader);
                }
            }

            return new CheckWorthinessModel(manifest, weights, bias, trees);
        });

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The model.</returns>
    public static CheckWorthinessModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Writes the model as a zip: <c>manifest.json</c>, <c>weights.bin</c> and, for a stacked model, <c>trees.bin</c>.</summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream)
    {
        var entries = new List<(string, Action<BinaryWriter>, bool)> { (WeightsEntry, WriteWeights, false) };
        if (Trees is { } trees)
        {
            entries.Add((TreesEntry, trees.Write, false));
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

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>Sparse layout: version, width, bias, count, then (index, weight) pairs for the non-zero weights.</summary>
    private void WriteWeights(BinaryWriter writer)
    {
        writer.Write(1);
        writer.Write(CheckWorthinessFeatures.Width);
        writer.Write(_bias);
        writer.Write(_dense.Count(w => w != 0) + _hashed.NonZero);
        for (int i = 0; i < _dense.Length; i++)
        {
            if (_dense[i] != 0)
            {
                writer.Write(i);
                writer.Write(_dense[i]);
            }
        }

        foreach (var (bucket, weight) in _hashed.NonZeroEntries())
        {
            writer.Write(CheckWorthinessFeatures.DenseCount + bucket);
            writer.Write(weight);
        }
    }

    private static (float[] Weights, double Bias) ReadWeights(BinaryReader reader)
    {
        if (reader.ReadInt32() != 1)
        {
            throw new InvalidDataException("Unknown weights layout.");
        }

        int width = reader.ReadInt32();
        if (width != CheckWorthinessFeatures.Width)
        {
            throw new InvalidDataException($"The model has {width} weights; this library uses {CheckWorthinessFeatures.Width}.");
        }

        double bias = reader.ReadDouble();
        int count = reader.ReadInt32();
        if (count < 0 || count > width)
        {
            throw new InvalidDataException("Bad weight count.");
        }

        var weights = new float[width];
        for (int k = 0; k < count; k++)
        {
            int i = reader.ReadInt32();
            if ((uint)i >= (uint)width)
            {
                throw new InvalidDataException("A weight index is out of range.");
            }

            weights[i] = reader.ReadSingle();
        }

        return (weights, bias);
    }

    private static CheckWorthinessModel? LoadDefault()
    {
        using var stream = typeof(CheckWorthinessModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
