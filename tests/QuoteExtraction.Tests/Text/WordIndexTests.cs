using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

public class WordIndexTests
{
    private static readonly string[] Words =
    [
        "said", "Said", "SAID", "ſaid", "ıs", "is", "IS", "İs", "straße", "STRASSE", "José", "JOSÉ", "café", "k", "K", "\u212A", "", "a b", "vs.", "n't",
        "Ǆ", "ǅ", "ǆ", "\U00010400", "\U00010428", "ﬃ", "ffi", "Ω", "ω", "\u2126", "\u2019ll", "\u2019LL", "£", "€40",
    ];

    [TestCase(true)]
    [TestCase(false)]
    public void Lookups_MatchTheFrameworkComparer(bool ignoreCase)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        foreach (var added in new[] { Words, Words.Reverse().ToArray(), Words[..5], Words[5..] })
        {
            var index = new WordIndex(ignoreCase);
            var expected = new Dictionary<string, int>(comparer);
            foreach (var w in added)
            {
                index.Add(w).Should().Be(expected.TryGetValue(w, out var n) ? n : expected[w] = expected.Count, w);
            }

            index.Count.Should().Be(expected.Count);
            foreach (var w in Words.Concat(["x", "sai", "saidd", "Jose"]))
            {
                index.IndexOf(w).Should().Be(expected.TryGetValue(w, out var n) ? n : -1, $"'{w}' ignoreCase={ignoreCase}");
            }
        }
    }

    [Test]
    public void ManyWords_GrowAndStayFound()
    {
        var index = new WordIndex<int>(ignoreCase: true);
        for (int i = 0; i < 5000; i++)
        {
            index["w" + i] = i;
        }

        index["W17"] = -17; // the last value wins, like a dictionary's indexer
        index.Count.Should().Be(5000);
        index.TryGetValue("w4999", out var v).Should().BeTrue();
        v.Should().Be(4999);
        index.TryGetValue("w17", out v).Should().BeTrue();
        v.Should().Be(-17);
        index.Words[17].Should().Be("w17");
        index.ContainsKey("w5000").Should().BeFalse();
    }

    [Test]
    public void StableDescending_KeepsEqualKeysInOrder()
    {
        var items = new List<(int Key, string Name)> { (1, "a"), (3, "b"), (1, "c"), (3, "d"), (2, "e") };
        Sorted.StableDescending(items, x => x.Key).Should().Equal(items.OrderByDescending(x => x.Key));
    }
}
