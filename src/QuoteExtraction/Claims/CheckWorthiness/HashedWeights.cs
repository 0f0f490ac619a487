using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuoteExtraction.Claims;

/// <summary>
/// The hashed n-gram weights of a linear model, stored compactly: a presence bitmap over the buckets with a running rank,
/// and the non-zero weights packed in bucket order. An L1-regularised model has about one non-zero bucket in eight, so the
/// look-up tables take a fifth of the plain 1 MB float array and stay in the core's cache; random look-ups into the plain
/// array were the check-worthiness scorer's largest cost. Returns exactly the stored values (zero for absent buckets).
/// </summary>
internal sealed class HashedWeights
{
    // Presence bits and the rank of the block's first weight side by side: one cache line serves both loads.
    private readonly Block[] _blocks;
    private readonly float[] _values;

    /// <summary>Packs the non-zero entries of <paramref name="weights"/>.</summary>
    /// <param name="weights">One weight per bucket; the length must be a multiple of 64.</param>
    public HashedWeights(ReadOnlySpan<float> weights)
    {
        if (weights.Length % 64 != 0)
        {
            throw new ArgumentException("The bucket count must be a multiple of 64.", nameof(weights));
        }

        _blocks = new Block[weights.Length / 64];
        var values = new List<float>();
        for (int block = 0; block < _blocks.Length; block++)
        {
            int rank = values.Count;
            ulong bits = 0;
            for (int k = 0; k < 64; k++)
            {
                float w = weights[(block * 64) + k];
                if (w != 0)
                {
                    bits |= 1UL << k;
                    values.Add(w);
                }
            }

            _blocks[block] = new Block(bits, rank);
        }

        // One padding value past the last weight: the look-up reads a value before it knows whether the bucket has one.
        values.Add(0);
        _values = [.. values];
        Count = weights.Length;
    }

    /// <summary>The number of buckets.</summary>
    public int Count { get; }

    /// <summary>The number of non-zero weights.</summary>
    public int NonZero => _values.Length - 1;

    /// <summary>The weight of bucket <paramref name="bucket"/> (0 when absent).</summary>
    /// <param name="bucket">A bucket in <c>[0, Count)</c>.</param>
    public float this[int bucket]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            // Without a branch: whether a bucket has a weight goes either way from one look-up to the next. An absent
            // bucket reads the next bucket's weight (or the padding) and masks it to +0, exactly the 0 it stands for.
            ref readonly var block = ref _blocks[bucket >> 6];
            ulong below = 1UL << (bucket & 63);
            int present = (int)((block.Bits >> (bucket & 63)) & 1);
            float value = _values[block.Rank + BitOperations.PopCount(block.Bits & (below - 1))];
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & -present);
        }
    }

    /// <summary>The non-zero weights as (bucket, weight) pairs in bucket order.</summary>
    /// <returns>The pairs.</returns>
    public IEnumerable<(int Bucket, float Weight)> NonZeroEntries()
    {
        int v = 0;
        for (int block = 0; block < _blocks.Length; block++)
        {
            ulong bits = _blocks[block].Bits;
            while (bits != 0)
            {
                int k = BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                yield return ((block * 64) + k, _values[v++]);
            }
        }
    }

    private readonly record struct Block(ulong Bits, int Rank);
}
