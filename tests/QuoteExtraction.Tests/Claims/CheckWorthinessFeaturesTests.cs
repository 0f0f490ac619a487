using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class CheckWorthinessFeaturesTests
{
    private static Dictionary<string, float> Dense(string text)
    {
        var dense = new float[CheckWorthinessFeatures.DenseCount];
        CheckWorthinessFeatures.Extract(text, dense, []);
        return CheckWorthinessFeatures.DenseNames.Zip(dense).ToDictionary(x => x.First, x => x.Second);
    }

    [Test]
    public void Extract_QuantityClaim_SetsNumberPercentAndTemporalCues()
    {
        var d = Dense("Unemployment fell to 4.5 per cent last year.");

        d["hasNumber"].Should().Be(1);
        d["percent"].Should().BeGreaterThan(0);
        d["comparatives"].Should().BeGreaterThan(0);
        d["temporal"].Should().BeGreaterThan(0);
        d["question"].Should().Be(0);
    }

    [Test]
    public void Extract_MoneyYearAndNames_SetsTheirCues()
    {
        var d = Dense("In 2015 Senator Brooks spent $3 billion more than Governor Diaz.");

        d["year"].Should().BeGreaterThan(0);
        d["money"].Should().BeGreaterThan(0);
        d["scaleWord"].Should().BeGreaterThan(0);
        d["than"].Should().Be(1);
        d["capitalisedInner"].Should().BeGreaterThan(0);
    }

    [Test]
    public void Extract_OpinionQuestionAndCourtesy_SetsTheirCues()
    {
        Dense("I think you will agree with me?")["iThink"].Should().Be(1);
        Dense("I think you will agree with me?")["question"].Should().Be(1);
        Dense("I think you will agree with me?")["secondPerson"].Should().BeGreaterThan(0);
        Dense("Thank you all for coming tonight.")["courtesy"].Should().BeGreaterThan(0);
        Dense("What did we do?")["questionWordStart"].Should().Be(1);
    }

    [Test]
    public void Extract_SameTextTwice_SameHashesInRange()
    {
        var a = new List<int>();
        var b = new List<int>();
        var dense = new float[CheckWorthinessFeatures.DenseCount];

        CheckWorthinessFeatures.Extract("We’ve created 1,200 jobs in the U.S. since 2010!", dense, a);
        CheckWorthinessFeatures.Extract("We’ve created 1,200 jobs in the U.S. since 2010!", dense, b);

        a.Should().Equal(b);
        a.Should().OnlyContain(h => h >= 0 && h < CheckWorthinessFeatures.HashSize);
        a.Count.Should().Be(2 * (11 + 1)); // unigram and bigram for 11 tokens ("We" and "’ve" are two) and the end marker
    }

    [Test]
    public void Extract_CurlyAndStraightApostrophes_SameFeatures()
    {
        var a = new List<int>();
        var b = new List<int>();
        var dense = new float[CheckWorthinessFeatures.DenseCount];

        CheckWorthinessFeatures.Extract("We don’t know.", dense, a);
        CheckWorthinessFeatures.Extract("We don't know.", dense, b);

        a.Should().Equal(b);
    }
}
