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
        // The filter does not judge non-ASCII key chars: a word with one always goes on to the real look-up.
        new WordFilter(["said"]).MayContain("\u017Faid").Should().BeTrue();
        new WordFilter(["\u00E9t\u00E9"]).MayContain("\u00C9T\u00C9").Should().BeTrue();
    }

    [Test]
    public void MayContain_NeverRulesOutAWordTheListHoldsIgnoringCase()
    {
        // The filter's contract: no false negatives against StringComparer.OrdinalIgnoreCase, whatever the chars.
        string[] words = ["said", "\u017Faid", "\u2019ll", "\u00E9t\u00E9", "K\u00F6ln", "\u212Aelvin", "\u0131t"];
        var filter = new WordFilter(words);
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        string[] queries = ["SAID", "\u017FAID", "\u2019LL", "'ll", "\u00C9T\u00C9", "k\u00D6LN", "kelvin", "\u212AELVIN", "IT", "\u0131T", "sAiD"];
        foreach (var query in queries.Where(set.Contains))
        {
            filter.MayContain(query).Should().BeTrue(query);
        }
    }

    [Test]
    public void MayContain_CaselessNonAsciiWordInList_StillRulesOutOtherWords()
    {
        // "\u2019ll" has no case variants: it must not make every word pass.
        var filter = new WordFilter(["said", "\u2019ll", "\u00A3"]);

        filter.MayContain("\u2019ll").Should().BeTrue();
        filter.MayContain("\u2019LL").Should().BeTrue();
        filter.MayContain("\u00A3").Should().BeTrue();
        var others = new[] { "the", "of", "and", "president", "government", "minister", "people", "would", "which", "their" };
        others.Count(w => filter.MayContain(w)).Should().BeLessThan(3);
    }
}
