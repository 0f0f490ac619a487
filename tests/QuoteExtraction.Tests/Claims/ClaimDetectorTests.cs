using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class ClaimDetectorTests
{
    private static readonly QuoteExtractor WithClaims = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });

    private static IReadOnlyList<Claim> Claims(string text) => WithClaims.ExtractQuotes(text).Claims;

    private static Claim Single(string text)
    {
        var claims = Claims(text);
        claims.Should().HaveCount(1, string.Join(" | ", claims.Select(c => $"{c.Type}: {c.Text}")));
        return claims[0];
    }

    [TestCase("The council spent £3.5m on road repairs.", ClaimType.Statistic)]
    [TestCase("Unemployment is higher than it was in 2019.", ClaimType.Comparison)]
    [TestCase("House prices rose by 5% in the year to March.", ClaimType.Change)]
    [TestCase("It was the highest temperature ever recorded in the city.", ClaimType.Ranking)]
    [TestCase("Inflation is expected to ease slowly over the coming months.", ClaimType.Prediction)]
    [TestCase("The government has pledged to build new homes in every region.", ClaimType.Commitment)]
    [TestCase("Drivers who use a phone at the wheel break the law and face a fine.", ClaimType.Rule)]
    [TestCase("The delays were caused by a shortage of signalling staff.", ClaimType.Causation)]
    public void Detect_EachType_IsRecognised(string text, string type) => Single(text).Type.Should().Be(type);

    [Test]
    public void Detect_PlainNarrative_GivesNoClaim() =>
        Claims("The minister arrived at the venue shortly after lunch and greeted the crowd.").Should().BeEmpty();

    [TestCase("One analyst at the bank said the shares looked cheap.")]
    [TestCase("The mayor visited one of the new schools on the estate.")]
    public void Detect_CountOfOne_GivesNoClaim(string text) => Claims(text).Should().BeEmpty();

    [Test]
    public void Detect_CountOfMore_IsStatistic() => Single("The bank hired 40 analysts in its London office.").Type.Should().Be(ClaimType.Statistic);

    [Test]
    public void Detect_Question_GivesNoClaim() => Claims("Will the council spend £3.5m on road repairs?").Should().BeEmpty();

    [TestCase("Sales fell by 12% this year.", "this year", "current-year")]
    [TestCase("Sales fell by 12% last month.", "last month", "previous-month")]
    [TestCase("Sales fell by 12% in 2023.", "in 2023", "2023")]
    [TestCase("Sales fell by 12% in March 2023.", "March 2023", "2023-03")]
    [TestCase("Sales fell by 12% today, the firm said.", "today", "today")]
    public void Detect_TimeExpressions_AreNormalised(string text, string timeText, string value)
    {
        var time = Single(text).Time;
        time.Should().NotBeNull();
        time!.Text.Should().Be(timeText);
        time.Value.Should().Be(value);
    }

    [Test]
    public void Detect_NoTime_GivesNull() => Single("Sales fell by 12% after the strike.").Time.Should().BeNull();

    [Test]
    public void Detect_UpFrom_GivesUpWithReference()
    {
        var c = Single("Arrivals reached 6,632 migrants, up from 4,600 a year earlier.").Comparison!;
        c.Direction.Should().Be("up");
        c.Reference!.Value.Should().Be(4600);
    }

    [Test]
    public void Detect_DownFrom_GivesDownWithReference()
    {
        var c = Single("The jobless rate was 4.1%, down from 4.6% in the spring.").Comparison!;
        c.Direction.Should().Be("down");
        c.Reference!.Value.Should().Be(4.6);
    }

    [Test]
    public void Detect_ComparedWith_GivesReferenceText()
    {
        var claim = Single("Crime rose by 8% compared with last year.");
        claim.Type.Should().Be(ClaimType.Comparison);
        claim.Comparison!.Direction.Should().Be("up");
        claim.Comparison.Reference!.Text.Should().Be("last year");
    }

    [Test]
    public void Detect_RoseTo_IsUpwardChange()
    {
        var claim = Single("The deficit rose to £20bn.");
        claim.Type.Should().Be(ClaimType.Change);
        claim.Comparison!.Direction.Should().Be("up");
        claim.Comparison.Reference.Should().BeNull();
    }

    [Test]
    public void Detect_FellBy_IsDownwardChange() => Single("Profits fell by £2m at the bakery chain.").Comparison!.Direction.Should().Be("down");

    [Test]
    public void Detect_MoreThanBound_IsNotAComparison()
    {
        var claim = Single("The charity has helped more than 400 families.");
        claim.Type.Should().Be(ClaimType.Statistic);
        claim.Comparison.Should().BeNull();
        claim.Quantities.Should().ContainSingle().Which.Bound.Should().Be(QuantityBound.Greater);
    }

    [Test]
    public void Detect_QuotedClaim_IsAssertedBySpeaker()
    {
        const string text = "\"We will cut waiting lists by 20% within two years,\" Jane Smith said.";
        var claim = Single(text);
        claim.AssertedBy.Should().Be(new ClaimAsserter("Jane Smith", ClaimAsserterKind.Speaker));
        claim.Text.Should().StartWith("We will cut waiting lists");
        text[claim.Start..claim.End].Should().Be(claim.Text);
    }

    [TestCase("Figures show that 300 shops closed in the town.", "figures")]
    [TestCase("Home Office figures show that 300 people were removed.", "Home Office")]
    [TestCase("According to the ONS, 300 shops closed in the town.", "ONS")]
    [TestCase("Data from the Department for Transport show 300 bridges need repair.", "Department for Transport")]
    [TestCase("A report by the National Audit Office found 300 schools need repairs.", "National Audit Office")]
    public void Detect_DataSource_IsAsserter(string text, string name) =>
        Single(text).AssertedBy.Should().Be(new ClaimAsserter(name, ClaimAsserterKind.Source));

    [TestCase("Acme Holdings said its profit rose 12% last year.", "Acme Holdings")]
    [TestCase("The Home Office said 6,000 people crossed in small boats in March.", "Home Office")]
    [TestCase("Prices will rise by 5% next year, Jane Smith said.", "Jane Smith")]
    [TestCase("Prices will rise by 5% next year, said the Bank of Freedonia.", "Bank of Freedonia")]
    public void Detect_ReportedSpeech_IsAssertedByItsSpeaker(string text, string name) =>
        Single(text).AssertedBy.Should().Be(new ClaimAsserter(name, ClaimAsserterKind.Speaker));

    [Test]
    public void Detect_ReportedSpeechOfKnownPerson_ResolvesToTheEntity()
    {
        var claims = Claims("\"We are winning,\" said Jane Smith, the finance minister.\nSmith declared that the deficit will fall by 10% by 2030.");
        claims.Should().Contain(c => c.Text.StartsWith("Smith declared", StringComparison.Ordinal))
            .Which.AssertedBy.Should().Be(new ClaimAsserter("Jane Smith", ClaimAsserterKind.Speaker));
    }

    [Test]
    public void Detect_ReportedSpeechByTitleAndSurname_ResolvesToTheEntity()
    {
        var claims = Claims("\"We are winning,\" said Jane Smith, the finance minister.\nMs Smith said the deficit will fall by 10% by 2030.");
        claims.Should().Contain(c => c.Text.StartsWith("Ms Smith said", StringComparison.Ordinal))
            .Which.AssertedBy.Should().Be(new ClaimAsserter("Jane Smith", ClaimAsserterKind.Speaker));
    }

    [TestCase("He said the deficit will fall by 10% by 2030.")]
    [TestCase("The deficit will halve by 2030, the minister said.")]
    [TestCase("Unemployment fell by 3% last year, Reuters reported.")]
    public void Detect_ReportedSpeechWithoutName_IsAssertedByReporter(string text) =>
        Single(text).AssertedBy.Should().Be(ClaimAsserter.Reporter);

    [Test]
    public void Detect_UnattributedNarrative_IsAssertedByReporter() =>
        Single("The bridge cost £40m to build.").AssertedBy.Should().Be(ClaimAsserter.Reporter);

    [Test]
    public void Detect_Semicolon_SplitsClauses()
    {
        var claims = Claims("Exports rose by 3% in May; imports fell by 2% in the same month.");
        claims.Should().HaveCount(2);
        claims[1].Comparison!.Direction.Should().Be("down");
    }

    [Test]
    public void Detect_Offsets_MatchText()
    {
        foreach (var claim in Claims("Intro line here.\nThe council spent £3.5m on repairs. \"Prices will rise by 4% next year,\" Tom Reed said."))
        {
            claim.CheckWorthiness.Should().BeInRange(0, 1);
        }
    }

    [Test]
    public void ExtractClaims_Off_GivesNoClaims() =>
        QuoteExtractor.Create(QuoteExtractorOptions.Default with { ExtractClaims = false })
            .ExtractQuotes("The council spent £3.5m on road repairs.").Claims.Should().BeEmpty();

    [Test]
    public void Detect_StandaloneApi_FindsClaims() => ClaimDetector.Detect("The council spent £3.5m on road repairs.").Should().ContainSingle();
}
