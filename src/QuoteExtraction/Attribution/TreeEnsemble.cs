using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace QuoteExtraction.Attribution;

/// <summary>
/// A boosted tree ensemble in flat arrays, exported from an ML.NET tree model. Scoring walks the trees directly:
/// no ML.NET pipeline, no allocation, about a microsecond per candidate, which keeps attribution on the hot path;
/// <see cref="ScoreRows"/> scores several candidates at once, with the same results, in about a third of the time.
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
    private readonly LeafMasks? _masks; // for scoring rows eight at a time; null when a tree has more than 32 leaves

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
        Validate();
        _masks = LeafMasks.TryCompile(this);
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

        return new TreeEnsemble([.. nodeStart], [.. leafStart], [.. feature], [.. threshold], [.. left], [.. right], [.. leaf], [.. weight], ensemble.Bias, featureCount);
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

        return Walk(row, fromTree, toTree, fromTree == 0 ? Bias : 0);
    }

    /// <summary><paramref name="sum"/> plus the weighted leaves of trees [<paramref name="fromTree"/>, <paramref name="toTree"/>) for a checked row, added in tree order.</summary>
    private double Walk(ReadOnlySpan<float> row, int fromTree, int toTree, double sum)
    {
        // The arrays were validated when the ensemble was built or read, so the walk skips bounds checks.
        ref float features = ref MemoryMarshal.GetReference(row);
        ref int feature = ref MemoryMarshal.GetArrayDataReference(_feature);
        ref float threshold = ref MemoryMarshal.GetArrayDataReference(_threshold);
        ref int left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(_right);
        ref float leaf = ref MemoryMarshal.GetArrayDataReference(_leaf);
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

    /// <summary>
    /// Scores consecutive rows: <c>sums[r]</c> becomes exactly <see cref="Score(ReadOnlySpan{float}, int, int)"/> of row r
    /// (each row still adds its trees in order onto the bias), but several rows are scored at once, without branches.
    /// </summary>
    /// <param name="rows">The rows, one after another.</param>
    /// <param name="width">The length of a row (at least <see cref="FeatureCount"/>).</param>
    /// <param name="fromTree">The first tree.</param>
    /// <param name="toTree">One past the last tree.</param>
    /// <param name="sums">One score per row; its length is the number of rows.</param>
    public void ScoreRows(ReadOnlySpan<float> rows, int width, int fromTree, int toTree, Span<double> sums)
    {
        sums.Fill(fromTree == 0 ? Bias : 0);
        AddRows(rows, width, fromTree, toTree, sums);
    }

    /// <summary>
    /// Adds trees [<paramref name="fromTree"/>, <paramref name="toTree"/>) of consecutive rows onto <paramref name="sums"/>,
    /// tree by tree: scoring trees [a, b) and then [b, c) onto the same sums gives exactly the sums of [a, c), so rows
    /// that need different tree ranges can share the vector lanes of the ranges they have in common.
    /// </summary>
    /// <param name="rows">The rows, one after another.</param>
    /// <param name="width">The length of a row (at least <see cref="FeatureCount"/>).</param>
    /// <param name="fromTree">The first tree.</param>
    /// <param name="toTree">One past the last tree.</param>
    /// <param name="sums">One running score per row (the bias included by the caller); its length is the number of rows.</param>
    internal void AddRows(ReadOnlySpan<float> rows, int width, int fromTree, int toTree, Span<double> sums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromTree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toTree, TreeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, FeatureCount);
        if ((long)width * sums.Length > rows.Length)
        {
            throw new ArgumentException($"{sums.Length} rows of {width} features need {(long)width * sums.Length} values; there are {rows.Length}.", nameof(rows));
        }

        for (int first = 0; first < sums.Length; first += LeafMasks.Lanes)
        {
            int count = Math.Min(LeafMasks.Lanes, sums.Length - first);
            var block = rows.Slice(first * width, count * width);
            if (_masks is not null && Vector256.IsHardwareAccelerated && count > 1)
            {
                _masks.Add(block, width, count, fromTree, toTree, sums.Slice(first, count));
            }
            else
            {
                for (int r = 0; r < count; r++)
                {
                    sums[first + r] = Walk(block.Slice(r * width, width), fromTree, toTree, sums[first + r]);
                }
            }
        }
    }

    /// <summary>
    /// The trees for scoring without following branches (after QuickScorer, Lucchese et al. 2015): a tree's leaves are
    /// numbered left to right, and a split whose test fails (the row goes right) rules out the leaves of its left
    /// subtree, so the row's leaf is the leftmost leaf that no failed split rules out. Every split is tested, eight rows
    /// per vector instruction and without a branch, where a walk mispredicts about every other split.
    /// </summary>
    private sealed class LeafMasks
    {
        /// <summary>The rows scored together: one per 32-bit lane of a 256-bit vector.</summary>
        public const int Lanes = 8;

        /// <summary>The most leaves a tree may have for its values to be looked up eight rows at a time (two vectors of eight).</summary>
        private const int TableLeaves = 16;

        private readonly TreeEnsemble _trees;
        private readonly uint[] _ruledOut;  // per split: the leaves (as bits, left to right) its failed test rules out
        private readonly float[] _value;    // per leaf, left to right within each tree: the leaf value times the tree weight
        private readonly float[]? _table;   // per tree: _value's leaves padded to TableLeaves; null when a tree has more

        private LeafMasks(TreeEnsemble trees, uint[] ruledOut, float[] value)
        {
            _trees = trees;
            _ruledOut = ruledOut;
            _value = value;
            _table = new float[trees.TreeCount * TableLeaves];
            for (int t = 0; t < trees.TreeCount && _table is not null; t++)
            {
                int leafStart = trees._leafStart[t], leaves = trees.LeafEnd(t) - leafStart;
                if (leaves > TableLeaves)
                {
                    _table = null;
                    break;
                }

                Array.Copy(value, leafStart, _table, t * TableLeaves, leaves);
            }
        }

        /// <summary>The masks of a validated ensemble, or <c>null</c> when a tree has more leaves than a lane has bits.</summary>
        public static LeafMasks? TryCompile(TreeEnsemble e)
        {
            var ruledOut = new uint[e._feature.Length];
            var value = new float[e._leaf.Length];
            for (int t = 0; t < e.TreeCount; t++)
            {
                int nodes = e._nodeStart[t];
                int splits = e.NodeEnd(t) - nodes;
                int leafStart = e._leafStart[t];
                int leaves = e.LeafEnd(t) - leafStart;
                if (leaves > 32)
                {
                    return null;
                }

                int next = 0; // leaves numbered so far
                if (splits > 0)
                {
                    Number(0, 0);
                }
                else
                {
                    value[leafStart] = e._weight[t] * e._leaf[leafStart];
                }

                // Numbers the leaves below a node from left to right and returns them as bits.
                uint Number(int node, int depth)
                {
                    // Child indices are in range (validated), but a corrupt file could still share or loop nodes.
                    if (depth > splits || (node < 0 && next >= leaves))
                    {
                        throw new InvalidDataException($"Tree {t} is not a tree.");
                    }

                    if (node < 0)
                    {
                        // The float product the walk adds, so that sums are the same bit for bit.
                        value[leafStart + next] = e._weight[t] * e._leaf[leafStart + ~node];
                        return 1u << next++;
                    }

                    uint leftLeaves = Number(e._left[nodes + node], depth + 1);
                    ruledOut[nodes + node] = leftLeaves;
                    return leftLeaves | Number(e._right[nodes + node], depth + 1);
                }
            }

            return new LeafMasks(e, ruledOut, value);
        }

        /// <summary>Adds the trees of <paramref name="count"/> (at most <see cref="Lanes"/>) consecutive rows onto their sums.</summary>
        public void Add(ReadOnlySpan<float> rows, int width, int count, int fromTree, int toTree, Span<double> sums)
        {
            var e = _trees;

            // Feature-major copy of the rows: a split loads its feature for all rows with one vector load.
            Span<float> columns = stackalloc float[e.FeatureCount * Lanes];
            for (int r = 0; r < count; r++)
            {
                for (int f = 0; f < e.FeatureCount; f++)
                {
                    columns[(f * Lanes) + r] = rows[(r * width) + f];
                }
            }

            if (_table is not null && Avx2.IsSupported)
            {
                AddByTable(columns, count, fromTree, toTree, sums);
                return;
            }

            Span<uint> leaves = stackalloc uint[Lanes];

            // The arrays were validated (split features below FeatureCount, so loads stay inside columns): no bounds checks.
            ref float column = ref MemoryMarshal.GetReference(columns);
            ref int feature = ref MemoryMarshal.GetArrayDataReference(e._feature);
            ref float threshold = ref MemoryMarshal.GetArrayDataReference(e._threshold);
            ref uint ruledOut = ref MemoryMarshal.GetArrayDataReference(_ruledOut);
            for (int t = fromTree; t < toTree; t++)
            {
                var alive = Vector256<uint>.AllBitsSet;
                for (int i = e._nodeStart[t], end = e.NodeEnd(t); i < end; i++)
                {
                    var x = Vector256.LoadUnsafe(ref column, (nuint)(Unsafe.Add(ref feature, i) * Lanes));
                    var goesLeft = Vector256.LessThanOrEqual(x, Vector256.Create(Unsafe.Add(ref threshold, i))).AsUInt32();
                    alive = Vector256.AndNot(alive, Vector256.AndNot(Vector256.Create(Unsafe.Add(ref ruledOut, i)), goesLeft));
                }

                alive.CopyTo(leaves);
                int leafStart = e._leafStart[t];
                for (int r = 0; r < count; r++)
                {
                    sums[r] += _value[leafStart + BitOperations.TrailingZeroCount(leaves[r])];
                }
            }
        }

        /// <summary>
        /// <see cref="Add"/> with the leaves found and added for all eight rows at once: the lowest bit left in a lane is
        /// its leaf, whose value two in-register table look-ups fetch; the float values widen to double and add to each
        /// row's sum in tree order, the same additions as the scalar loop.
        /// </summary>
        private void AddByTable(ReadOnlySpan<float> columns, int count, int fromTree, int toTree, Span<double> sums)
        {
            var e = _trees;
            Span<double> lanes = stackalloc double[Lanes];
            sums.CopyTo(lanes);
            var low = Vector256.Create<double>(lanes[..4]);
            var high = Vector256.Create<double>(lanes[4..]);
            ref float column = ref MemoryMarshal.GetReference(columns);
            ref int feature = ref MemoryMarshal.GetArrayDataReference(e._feature);
            ref float threshold = ref MemoryMarshal.GetArrayDataReference(e._threshold);
            ref uint ruledOut = ref MemoryMarshal.GetArrayDataReference(_ruledOut);
            ref float table = ref MemoryMarshal.GetArrayDataReference(_table!);
            var seven = Vector256.Create(7);
            for (int t = fromTree; t < toTree; t++)
            {
                var alive = Vector256<uint>.AllBitsSet;
                for (int i = e._nodeStart[t], end = e.NodeEnd(t); i < end; i++)
                {
                    var x = Vector256.LoadUnsafe(ref column, (nuint)(Unsafe.Add(ref feature, i) * Lanes));
                    var goesLeft = Vector256.LessThanOrEqual(x, Vector256.Create(Unsafe.Add(ref threshold, i))).AsUInt32();
                    alive = Vector256.AndNot(alive, Vector256.AndNot(Vector256.Create(Unsafe.Add(ref ruledOut, i)), goesLeft));
                }

                // The lowest set bit as a power of two converts exactly to float; its exponent is the bit's index (below 16).
                var lowest = (alive & (Vector256<uint>.Zero - alive)).AsInt32();
                var leaf = (Vector256.ConvertToSingle(lowest).AsInt32() >>> 23) - Vector256.Create(127);
                var first = Vector256.LoadUnsafe(ref table, (nuint)(t * TableLeaves));
                var second = Vector256.LoadUnsafe(ref table, (nuint)((t * TableLeaves) + 8));
                var value = Avx2.BlendVariable(
                    Avx2.PermuteVar8x32(first, leaf),
                    Avx2.PermuteVar8x32(second, leaf),
                    Vector256.GreaterThan(leaf, seven).AsSingle());
                low += Vector256.WidenLower(value);
                high += Vector256.WidenUpper(value);
            }

            low.CopyTo(lanes);
            high.CopyTo(lanes[4..]);
            lanes[..count].CopyTo(sums);
        }
    }

    // A loop, not LINQ's Any over int: that generic instantiation is JIT-compiled when the model loads at start-up.
    private static bool AllBelow(int[] values, int limit)
    {
        foreach (var v in values)
        {
            if (v < 0 || v >= limit)
            {
                return false;
            }
        }

        return true;
    }

    private int NodeEnd(int t) => t + 1 < _weight.Length ? _nodeStart[t + 1] : _feature.Length;

    private int LeafEnd(int t) => t + 1 < _weight.Length ? _leafStart[t + 1] : _leaf.Length;

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
            || left.Length != feature.Length || right.Length != feature.Length || !AllBelow(feature, featureCount))
        {
            throw new InvalidDataException("The tree ensemble arrays are inconsistent.");
        }

        return new TreeEnsemble(nodeStart, leafStart, feature, threshold, left, right, leaf, weight, bias, featureCount);
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
