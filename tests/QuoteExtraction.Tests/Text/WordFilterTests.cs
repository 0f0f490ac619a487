using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

public class WordFilterTests
{
    [Test]
    public void MayContain_EveryWordInAnyCase()
    {
        var filter = new WordFilter(["said", "according", "a", "X", "told"]);

        foreach (var word in new[] { "said", "SAID", "Said", "according", "ACCORDING", "a", "A", "x", "X", "tOLD" })
        {
            filter.MayContain(word).Should().BeTrue(word);
        }
    }

    [Test]
    public void MayContain_RulesOutMostOtherWords()
    {
        var filter = new WordFilter(["said", "according", "told"]);

        var others = new[] { "the", "of", "and", "president", "government", "minister", "people", "would", "which", "their" };
        others.Count(w => filter.MayContain(w)).Should().BeLessThan(3);
    }

    [Test]
    public void MayContain_NonAsciiAlwaysPasses()
    {
        // Ignoring case, non-ASCII chars can equal ASCII ones (the Kelvin sign, the long s), so the filter does not judge them.
        new WordFilter(["said"]).MayContain("\u017Faid").Should().BeTrue();
        new WordFilter(["\u017Faid"]).MayContain("said").Should().BeTrue();
    }
}
