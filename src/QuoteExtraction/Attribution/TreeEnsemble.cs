using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace QuoteExtraction.Attribution;

/// <summary>
/// A boosted tree ensemble in flat arrays, exported from an ML.NET tree model. Scoring walks the trees directly:
/// no ML.NET pipeline, no allocation, about a microsecond per candidate, which keeps attribution on the hot path.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly int[] _nodeStart;   // per tree: offset of its first node
    private readonly int[] _leafStart;   // per tree: offset of its first leaf
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _leaf;
    private readonly float[] _weight;

    private TreeEnsemble(int[] nodeStart, int[] leafStart, int[] feature, float[] threshold, int[] left, int[] right, float[] leaf, float[] weight, double bias, int featureCount)
    {
        _nodeStart = nodeStart;
        _leafStart = leafStart;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leaf = leaf;
        _weight = weight;
        Bias = bias;
        FeatureCount = featureCount;
    }

    /// <summary>The constant added to every score.</summary>
    public double Bias { get; }

    /// <summary>How many features a row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _weight.Length;

    /// <summary>Copies the trees of a trained ML.NET ensemble (FastTree or LightGBM).</summary>
    /// <param name="ensemble">The ML.NET ensemble.</param>
    /// <param name="featureCount">The row width.</param>
    /// <returns>The flat ensemble.</returns>
    public static TreeEnsemble FromMlNet(RegressionTreeEnsemble ensemble, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var nodeStart = new List<int>();
        var leafStart = new List<int>();
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaf = new List<float>();
        var weight = new List<float>();
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            nodeStart.Add(feature.Count);
            leafStart.Add(leaf.Count);
            for (int n = 0; n < tree.NumberOfNodes; n++)
            {
                if (tree.CategoricalSplitFlags.Count > n && tree.CategoricalSplitFlags[n])
                {
                    throw new NotSupportedException("Categorical splits are not used by the attribution features.");
                }

                feature.Add(tree.NumericalSplitFeatureIndexes[n]);
                threshold.Add(tree.NumericalSplitThresholds[n]);
                left.Add(tree.LeftChild[n]);
                right.Add(tree.RightChild[n]);
            }

            leaf.AddRange(tree.LeafValues.Select(v => (float)v));
            weight.Add((float)ensemble.TreeWeights[t]);
        }

        var result = new TreeEnsemble([.. nodeStart], [.. leafStart], [.. feature], [.. threshold], [.. left], [.. right], [.. leaf], [.. weight], ensemble.Bias, featureCount);
        result.Validate();
        return result;
    }

    /// <summary>The raw score of one row: bias plus the weighted leaf of every tree.</summary>
    /// <param name="row">The feature values.</param>
    /// <returns>The score (higher is more likely).</returns>
    public double Score(ReadOnlySpan<float> row) => Score(row, 0, TreeCount);

    /// <summary>The sum over trees <paramref name="fromTree"/> (inclusive) to <paramref name="toTree"/> (exclusive), plus the bias when starting at 0.</summary>
    /// <param name="row">The feature values.</param>
    /// <param name="fromTree">The first tree.</param>
    /// <param name="toTree">One past the last tree.</param>
    /// <returns>The partial score; partial scores of consecutive ranges add up to <see cref="Score(ReadOnlySpan{float})"/>.</returns>
    public double Score(ReadOnlySpan<float> row, int fromTree, int toTree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromTree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toTree, TreeCount);
        if (row.Length < FeatureCount)
        {
            throw new ArgumentException($"A row needs {FeatureCount} features; it has {row.Length}.", nameof(row));
        }

        // The arrays were validated when the ensemble was built or read, so the walk skips bounds checks.
        ref float features = ref MemoryMarshal.GetReference(row);
        ref int feature = ref MemoryMarshal.GetArrayDataReference(_feature);
        ref float threshold = ref MemoryMarshal.GetArrayDataReference(_threshold);
        ref int left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(_right);
        ref float leaf = ref MemoryMarshal.GetArrayDataReference(_leaf);
        double sum = fromTree == 0 ? Bias : 0;
        int trees = _weight.Length;
        for (int t = fromTree; t < toTree; t++)
        {
            int nodes = _nodeStart[t];
            int nodeEnd = t + 1 < trees ? _nodeStart[t + 1] : _feature.Length;
            int node = 0;
            if (nodeEnd > nodes)
            {
                // Follow splits until a leaf (a negative child is ~leafIndex).
                while (node >= 0)
                {
                    int i = nodes + node;
                    node = Unsafe.Add(ref features, Unsafe.Add(ref feature, i)) <= Unsafe.Add(ref threshold, i)
                        ? Unsafe.Add(ref left, i)
                        : Unsafe.Add(ref right, i);
                }

                sum += _weight[t] * Unsafe.Add(ref leaf, _leafStart[t] + ~node);
            }
            else
            {
                sum += _weight[t] * _leaf[_leafStart[t]];
            }
        }

        return sum;
    }

    /// <summary>Writes the ensemble in a compact binary form.</summary>
    /// <param name="writer">The destination.</param>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(1); // layout version
        writer.Write(FeatureCount);
        writer.Write(Bias);
        WriteArray(writer, _nodeStart);
        WriteArray(writer, _leafStart);
        WriteArray(writer, _feature);
        WriteArray(writer, _threshold);
        WriteArray(writer, _left);
        WriteArray(writer, _right);
        WriteArray(writer, _leaf);
        WriteArray(writer, _weight);
    }

    /// <summary>Reads an ensemble written by <see cref="Write"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The ensemble.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid ensemble.</exception>
    public static TreeEnsemble Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int layout = reader.ReadInt32();
        if (layout != 1)
        {
            throw new InvalidDataException($"Unknown tree ensemble layout {layout}.");
        }

        int featureCount = reader.ReadInt32();
        double bias = reader.ReadDouble();
        var nodeStart = ReadInts(reader);
        var leafStart = ReadInts(reader);
        var feature = ReadInts(reader);
        var threshold = ReadFloats(reader);
        var left = ReadInts(reader);
        var right = ReadInts(reader);
        var leaf = ReadFloats(reader);
        var weight = ReadFloats(reader);
        if (nodeStart.Length != weight.Length || leafStart.Length != weight.Length || threshold.Length != feature.Length
            || left.Length != feature.Length || right.Length != feature.Length || feature.Any(f => f < 0 || f >= featureCount))
        {
            throw new InvalidDataException("The tree ensemble arrays are inconsistent.");
        }

        var result = new TreeEnsemble(nodeStart, leafStart, feature, threshold, left, right, leaf, weight, bias, featureCount);
        result.Validate();
        return result;
    }

    /// <summary>Checks every child and leaf index so that scoring can skip bounds checks.</summary>
    private void Validate()
    {
        for (int t = 0; t < _weight.Length; t++)
        {
            int nodes = _nodeStart[t];
            int nodeEnd = t + 1 < _weight.Length ? _nodeStart[t + 1] : _feature.Length;
            int leaves = (t + 1 < _weight.Length ? _leafStart[t + 1] : _leaf.Length) - _leafStart[t];
            if (nodes < 0 || nodeEnd < nodes || nodeEnd > _feature.Length || leaves < 1 || _leafStart[t] + leaves > _leaf.Length)
            {
                throw new InvalidDataException($"Tree {t} has inconsistent node or leaf ranges.");
            }

            for (int i = nodes; i < nodeEnd; i++)
            {
                if (_feature[i] < 0 || _feature[i] >= FeatureCount)
                {
                    throw new InvalidDataException($"Tree {t} splits on feature {_feature[i]}, outside the {FeatureCount} features.");
                }

                foreach (int child in (ReadOnlySpan<int>)[_left[i], _right[i]])
                {
                    if (child >= 0 ? child >= nodeEnd - nodes : ~child >= leaves)
                    {
                        throw new InvalidDataException($"Tree {t} has a child index out of range.");
                    }
                }
            }
        }
    }

    private static void WriteArray(BinaryWriter w, int[] a)
    {
        w.Write(a.Length);
        foreach (var v in a)
        {
            w.Write(v);
        }
    }

    private static void WriteArray(BinaryWriter w, float[] a)
    {
        w.Write(a.Length);
        foreach (var v in a)
        {
            w.Write(v);
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 50_000_000)
        {
            throw new InvalidDataException("Bad array length.");
        }

        var a = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = r.ReadInt32();
        }

        return a;
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 50_000_000)
        {
            throw new InvalidDataException("Bad array length.");
        }

        var a = new float[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = r.ReadSingle();
        }

        return a;
    }
}
