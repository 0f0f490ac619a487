using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class HashedWeightsTests
{
    private static float[] SparseWeights(int count, int seed)
    {
        var random = new Random(seed);
        var weights = new float[count];
        for (int i = 0; i < count; i++)
        {
            // About one bucket in eight is non-zero, with runs and gaps across block edges.
            if (random.Next(8) == 0)
            {
                weights[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        weights[0] = 0.5f;
        weights[63] = -0.25f;
        weights[64] = 1.5f;
        weights[count - 1] = 2f;
        return weights;
    }

    [Test]
    public void Indexer_EveryBucket_EqualsThePlainArray()
    {
        var plain = SparseWeights(4096, 7);
        var packed = new HashedWeights(plain);

        for (int i = 0; i < plain.Length; i++)
        {
            packed[i].Should().Be(plain[i], $"bucket {i}");
        }

        packed.Count.Should().Be(plain.Length);
        packed.NonZero.Should().Be(plain.Count(w => w != 0));
    }

    [Test]
    public void Indexer_AbsentBuckets_ArePositiveZeroBitForBit_AlsoPastTheLastWeight()
    {
        // The look-up reads a neighbouring value (or the padding) for an absent bucket and masks it: the result must be
        // +0 exactly, never the neighbour or -0, for scores to stay bit-identical.
        var plain = new float[256];
        plain[3] = -1.25f;
        plain[130] = -0.5f;
        var packed = new HashedWeights(plain);

        for (int i = 0; i < plain.Length; i++)
        {
            BitConverter.SingleToInt32Bits(packed[i]).Should().Be(BitConverter.SingleToInt32Bits(plain[i]), $"bucket {i}");
        }

        packed.NonZero.Should().Be(2);
        BitConverter.SingleToInt32Bits(new HashedWeights(new float[128])[127]).Should().Be(0);
    }

    [Test]
    public void NonZeroEntries_InBucketOrder_RebuildTheArray()
    {
        var plain = SparseWeights(1024, 11);
        var rebuilt = new float[plain.Length];

        var entries = new HashedWeights(plain).NonZeroEntries().ToList();
        foreach (var (bucket, weight) in entries)
        {
            rebuilt[bucket] = weight;
        }

        rebuilt.Should().Equal(plain);
        entries.Select(e => e.Bucket).Should().BeInAscendingOrder();
    }

    [Test]
    public void Constructor_CountNotAMultipleOf64_Throws()
    {
        FluentActions.Invoking(() => new HashedWeights(new float[100])).Should().Throw<ArgumentException>();
    }
}
