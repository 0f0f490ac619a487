using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Claims;

public class QuantityParserTests
{
    private static List<Quantity> Quantities(string text) => QuantityParser.Parse(text).Where(q => q.IsQuantity).ToList();

    private static Quantity Single(string text)
    {
        var found = Quantities(text);
        found.Should().HaveCount(1, string.Join(" | ", found.Select(q => $"{q.Text}={q.Value}")));
        return found[0];
    }

    [Test]
    public void Parse_MigrantsAndPreviousFigure_FindsBothCounts()
    {
        const string text = "6,632 migrants arriving in the UK this year, a sharp increase from the previous figure of 4,600";
        var found = Quantities(text);

        found.Should().HaveCount(2);
        found[0].Value.Should().Be(6632);
        found[0].Unit.Should().Be("migrants");
        found[0].NormalizedUnit.Should().Be("migrant");
        found[0].Kind.Should().Be(QuantityKind.Count);
        found[0].Text.Should().Be(text[found[0].Start..found[0].End]);
        found[1].Value.Should().Be(4600);
    }

    [Test]
    public void Parse_MoreThanFortyCountries_IsGreaterBound()
    {
        var q = Single("The summit drew representatives from more than 40 countries.");

        q.Value.Should().Be(40);
        q.Bound.Should().Be(QuantityBound.Greater);
        q.Unit.Should().Be("countries");
        q.NormalizedUnit.Should().Be("country");
        q.BoundSymbol.Should().Be(">");
    }

    [TestCase("The deal is worth £3.5bn to the group.", 3.5e9, "pound sterling")]
    [TestCase("It raised $2 million last week.", 2e6, "dollar")]
    [TestCase("Tickets cost €45 each.", 45, "euro")]
    [TestCase("A stamp now costs 50p.", 50, "penny")]
    [TestCase("Sales reached US$7.2 billion.", 7.2e9, "dollar")]
    [TestCase("The firm paid 10.5 million Australian dollars in fines.", 10.5e6, "australian dollar")]
    [TestCase("Shares traded at 300 cents.", 300, "cent")]
    [TestCase("The fund holds ¥2 trillion.", 2e12, "japanese yen")]
    public void Parse_Money_AppliesScaleAndCurrency(string text, double value, string unit)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Money);
        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(unit);
    }

    [TestCase("Inflation rose to 4.5 per cent in March.", 4.5)]
    [TestCase("Inflation rose to 4.5% in March.", 4.5)]
    [TestCase("Inflation is 4.5 percent.", 4.5)]
    public void Parse_Percent_IsPercentage(string text, double value)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Percent);
        q.Value.Should().Be(value);
        q.NormalizedUnit.Should().Be("percentage");
    }

    [Test]
    public void Parse_PercentagePoints_HaveTheirOwnUnit()
    {
        Single("The rate fell 0.25 percentage points.").NormalizedUnit.Should().Be("percentage point");
    }

    [TestCase("Between 40 and 50 people attended.", 40, 50)]
    [TestCase("Some 40-50 people attended.", 40, 50)]
    [TestCase("We expect 40 to 50 people.", 40, 50)]
    [TestCase("Prices rose between 5% and 6% this year.", 5, 6)]
    [TestCase("Fees range from 1 per cent to 1.5 per cent.", 1, 1.5)]
    [TestCase("There are 1 to 2 thousand people.", 1000, 2000)]
    public void Parse_Range_SetsLowAndHigh(string text, double low, double high)
    {
        var q = Single(text);

        q.Low.Should().Be(low);
        q.High.Should().Be(high);
        q.Value.Should().Be(low);
        q.IsRange.Should().BeTrue();
    }

    [TestCase("Two thirds of voters agreed.", 2.0 / 3)]
    [TestCase("A third of the members left.", 1.0 / 3)]
    [TestCase("A dozen eggs were broken.", 12)]
    [TestCase("Forty people came.", 40)]
    [TestCase("Forty-five people came.", 45)]
    [TestCase("It took three and a half hours.", 3.5)]
    [TestCase("Four hundred people came.", 400)]
    [TestCase("There were 4 hundred million people.", 4e8)]
    [TestCase("Half a million people marched.", 5e5)]
    [TestCase("He bought one car.", 1)]
    public void Parse_NumberWords_AreRead(string text, double value)
    {
        Single(text).Value.Should().BeApproximately(value, 1e-9);
    }

    [Test]
    public void Parse_HundredsOf_IsAVagueRange()
    {
        var q = Single("Hundreds of protesters gathered.");

        q.Low.Should().Be(100);
        q.High.Should().Be(1000);
        q.NormalizedUnit.Should().Be("protester");
    }

    [TestCase("Each one was checked.")]
    [TestCase("No one came.")]
    [TestCase("She is the one.")]
    public void Parse_PronounOne_IsNotAQuantity(string text)
    {
        Quantities(text).Should().BeEmpty();
    }

    [TestCase("more than 40 people", QuantityBound.Greater)]
    [TestCase("over 40 people", QuantityBound.Greater)]
    [TestCase("at least 40 people", QuantityBound.GreaterOrEqual)]
    [TestCase("nearly 40 people", QuantityBound.Approximate)]
    [TestCase("almost 40 people", QuantityBound.Approximate)]
    [TestCase("about 40 people", QuantityBound.Approximate)]
    [TestCase("around 40 people", QuantityBound.Approximate)]
    [TestCase("roughly 40 people", QuantityBound.Approximate)]
    [TestCase("up to 40 people", QuantityBound.LessOrEqual)]
    [TestCase("fewer than 40 people", QuantityBound.Less)]
    [TestCase("less than 40 people", QuantityBound.Less)]
    [TestCase("under 40 people", QuantityBound.Less)]
    [TestCase("no more than 40 people", QuantityBound.LessOrEqual)]
    [TestCase("exactly 40 people", QuantityBound.Equal)]
    public void Parse_BoundsAndHedges_SetTheBound(string phrase, QuantityBound bound)
    {
        var q = Single($"The hall held {phrase} last night.");

        q.Value.Should().Be(40);
        q.Bound.Should().Be(bound);
    }

    [TestCase("Sales rose 5% last year.", "up", QuantityChangeRole.Amount)]
    [TestCase("Sales rose by 5% last year.", "up", QuantityChangeRole.Amount)]
    [TestCase("There was an increase of 5% last year.", "up", QuantityChangeRole.Amount)]
    [TestCase("Sales fell to 5% last year.", "down", QuantityChangeRole.To)]
    [TestCase("The rate is down from 5% last year.", "down", QuantityChangeRole.From)]
    [TestCase("The index was up 19 cents.", "up", QuantityChangeRole.Amount)]
    [TestCase("Shares lost 2.5% on Monday.", "down", QuantityChangeRole.Amount)]
    public void Parse_Change_IsDetected(string text, string change, QuantityChangeRole role)
    {
        var q = Single(text);

        q.Change.Should().Be(change);
        q.ChangeRole.Should().Be(role);
    }

    [TestCase("It was founded in 2023.", QuantityKind.Year)]
    [TestCase("He was born in 1987 in Leeds.", QuantityKind.Year)]
    [TestCase("The vote is on Jan. 5 this year.", QuantityKind.Date)]
    [TestCase("The vote is on 5 March.", QuantityKind.Date)]
    [TestCase("Polls close at 10:30 tonight.", QuantityKind.Time)]
    [TestCase("Polls close at 5pm tonight.", QuantityKind.Time)]
    [TestCase("She finished third in the race.", QuantityKind.Ordinal)]
    [TestCase("She finished 3rd in the race.", QuantityKind.Ordinal)]
    [TestCase("The song reached No. 1 in the charts.", QuantityKind.Rank)]
    [TestCase("Music of the 1990s is back.", QuantityKind.Year)]
    [TestCase("He bought an iPhone 11 yesterday.", QuantityKind.Other)]
    public void Parse_DatesYearsAndLabels_AreKeptApart(string text, QuantityKind kind)
    {
        var all = QuantityParser.Parse(text);

        all.Should().ContainSingle().Which.Kind.Should().Be(kind);
        all[0].IsQuantity.Should().BeFalse();
    }

    [TestCase("The road is 120 km long.", 120, "kilometre")]
    [TestCase("It makes 275 pound-feet of torque at 3000 rpm.", 275, "pound-foot")]
    [TestCase("The engine peaks at 3000 rpm.", 3000, "revolutions per minute")]
    [TestCase("The tuna weighed 278kg.", 278, "kilogram")]
    [TestCase("Winds hit 155mph on Tuesday.", 155, "mile per hour")]
    [TestCase("A 24-year-old man was arrested.", 24, "year of age")]
    [TestCase("The phone has a 6.1-inch screen.", 6.1, "inch")]
    [TestCase("The room measures 32 square metres.", 32, "square metre")]
    [TestCase("Temperatures fell to minus 12 degrees Celsius.", -12, "celsius")]
    public void Parse_Units_AreNormalized(string text, double value, string unit)
    {
        var q = Quantities(text)[0];

        q.Value.Should().Be(value);
        q.NormalizedUnit.Should().Be(unit);
        q.Kind.Should().Be(QuantityKind.Measure);
    }

    [Test]
    public void Parse_Torque_ReportsTheMeasuredThing()
    {
        Quantities("It makes 275 pound-feet of torque.")[0].Measured.Should().Be("torque");
    }

    [TestCase("40 countries", "country")]
    [TestCase("4 different bosses", "different boss")]
    [TestCase("13 people", "people")]
    [TestCase("60 commercial fishermen", "commercial fisherman")]
    [TestCase("5 buses", "bus")]
    [TestCase("7 matches", "match")]
    public void Parse_CountedNouns_AreSingularised(string phrase, string normalized)
    {
        Single($"They saw {phrase} on the way.").NormalizedUnit.Should().Be(normalized);
    }

    [Test]
    public void Parse_SpaceSeparatedThousands_AreOneNumber()
    {
        Single("It cost 1 000 euros.").Value.Should().Be(1000);
    }

    [Test]
    public void Parse_SubRange_OnlyScansTheRange()
    {
        const string text = "First 10 apples, then 20 pears.";
        var start = text.IndexOf("then", StringComparison.Ordinal);

        var found = QuantityParser.Parse(text, start, text.Length);

        found.Should().ContainSingle().Which.Value.Should().Be(20);
        found[0].Start.Should().Be(text.IndexOf("20", StringComparison.Ordinal));
    }

    [TestCase("")]
    [TestCase("1e400")]
    [TestCase("99999999999999999999999999999999999999999999999999999999 people")]
    [TestCase("1.2.3.4.5 6,7,8,9 ,,, ... 0x1F 12:34:56:78 1/0 $ £ € -- -1- 1-- --1")]
    [TestCase("between and to - 5 - - to 7 or or 3 per cent per cent %%%")]
    [TestCase("a a a a half of of the one of the")]
    [TestCase("£")]
    [TestCase("9")]
    [TestCase("one")]
    [TestCase("No.")]
    [TestCase("US$")]
    public void Parse_Garbage_NeverThrows(string text)
    {
        var act = () => QuantityParser.Parse(text);

        act.Should().NotThrow();
    }

    [Test]
    public void Parse_HugeDigitStrings_NeverThrowAndStayFast()
    {
        var digits = new string('7', 100_000);
        var mixed = string.Concat(Enumerable.Repeat("1,234.5 ", 20_000));
        var clock = Stopwatch.StartNew();

        var act = () =>
        {
            QuantityParser.Parse(digits);
            QuantityParser.Parse("$" + digits + " million");
            QuantityParser.Parse(mixed);
            QuantityParser.Parse(string.Concat(Enumerable.Repeat("one ", 30_000)));
        };

        act.Should().NotThrow();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Test]
    public void Parse_Every_SpanMatchesItsText()
    {
        const string text = "Ford, which has 13,000 workers, said a disorderly exit would cost it $800 million in 2019, about 5% of sales.";
        foreach (var q in QuantityParser.Parse(text))
        {
            q.Text.Should().Be(text[q.Start..q.End]);
        }
    }

    [Test]
    public void Parse_NullText_Throws()
    {
        var act = () => QuantityParser.Parse(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [TestCase("The group placed 49.1 mln shares with investors.", 49.1e6, "shares", "share")]
    [TestCase("The harvest reached 1.3 mln tonnes this season.", 1.3e6, "tonnes", "tonne")]
    [TestCase("About 2 mn shares changed hands on Friday.", 2e6, "shares", "share")]
    [TestCase("The buyer will take 3 bln shares.", 3e9, "shares", "share")]
    [TestCase("Brokers expect one mln shares to be sold.", 1e6, "shares", "share")]
    [TestCase("The ministry ordered 12 MLN VACCINE DOSES last week.", 12e6, null, null)]
    public void Parse_WireScaleAbbreviation_ScalesTheNumber(string text, double value, string? unit, string? normalized)
    {
        var q = Single(text);

        q.Value.Should().BeApproximately(value, value * 1e-9);
        if (unit is not null)
        {
            q.Unit.Should().Be(unit);
            q.NormalizedUnit.Should().Be(normalized);
        }
    }

    [Test]
    public void Parse_MilAlone_IsNotAScale()
    {
        var q = Single("The new film is only 4 mil thick.");

        q.Value.Should().Be(4);
    }

    [Test]
    public void Parse_MlnBeforeAbbreviatedPlace_IsNotAnAddress()
    {
        var q = Single("The agency hopes to raise 40 mln U.S. funds.");

        q.Value.Should().Be(40e6);
        q.IsQuantity.Should().BeTrue();
    }

    [Test]
    public void Parse_SmallerFigureAfterOr_IsNotARange()
    {
        var found = Quantities("The gain was 12.5 mln crowns or 3.10 crowns a share.");

        found.Select(q => q.Value).Should().Equal(12.5e6, 3.10);
        found.Should().OnlyContain(q => !q.IsRange);
    }

    [Test]
    public void Parse_MlnLbs_StaysAWeight()
    {
        var q = Single("Shipments came to 8.2 mln lbs in May.");

        q.Value.Should().BeApproximately(8.2e6, 1e-3);
        q.Kind.Should().Be(QuantityKind.Measure);
        q.NormalizedUnit.Should().Be("pound-mass");
    }

    [TestCase("The charity raised 60 U.S. dollars from each guest.", 60, "dollar", QuantityKind.Money)]
    [TestCase("The flat measures 45 sq. m in all.", 45, "square metre", QuantityKind.Measure)]
    public void Parse_DottedUnitForm_IsMatched(string text, double value, string normalized, QuantityKind kind)
    {
        var q = Single(text);

        q.Value.Should().Be(value);
        q.NormalizedUnit.Should().Be(normalized);
        q.Kind.Should().Be(kind);
    }

    [TestCase("The unit earned 5 mln dlrs last year.", 5e6, "dollar")]
    [TestCase("The bid values the firm at 2.5 billion DLRS.", 2.5e9, "dollar")]
    [TestCase("Profit came to 1.2 bln stg in the year.", 1.2e9, "pound sterling")]
    [TestCase("The board declared a dividend of 25 cts.", 25, "cent")]
    [TestCase("The loss narrowed to one ct.", 1, "cent")]
    [TestCase("The notes total 40 mln Canadian dlrs.", 40e6, "canadian dollar")]
    [TestCase("The bank will raise 60 mln U.S. Dlrs next month.", 60e6, "dollar")]
    [TestCase("Reserves grew to 4.8 billion guilders.", 4.8e9, "dutch guilder")]
    [TestCase("The fine was set at 300 mln lire.", 300e6, "italian lira")]
    public void Parse_WireCurrencyAbbreviation_IsMoney(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Money);
        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [Test]
    public void Parse_DlrsAndDollarSign_NormaliseAlike()
    {
        Single("It costs 5 dlrs.").NormalizedUnit.Should().Be(Single("It costs $5.").NormalizedUnit);
        Single("It costs 5 dlrs.").NormalizedUnit.Should().Be(Single("It costs 5 dollars.").NormalizedUnit);
        Single("It costs 50 cts.").NormalizedUnit.Should().Be(Single("It costs 50 cents.").NormalizedUnit);
    }

    [TestCase("Earnings were 40 cts a share.", "cent per share")]
    [TestCase("Earnings were 40 cts per shr.", "cent per share")]
    [TestCase("Earnings were 1.15 dlrs a shr.", "dollar per share")]
    public void Parse_WirePerShare_IsPerShare(string text, string normalized)
    {
        Single(text).NormalizedUnit.Should().Be(normalized);
    }

    [Test]
    public void Parse_WireMonths_AreMonths()
    {
        var q = Single("Net income for the nine mths rose.");

        q.Value.Should().Be(9);
        q.Kind.Should().Be(QuantityKind.Measure);
        q.NormalizedUnit.Should().Be("month");
    }

    [Test]
    public void Parse_TotalOrPerShareAmount_IsTwoFigures()
    {
        var found = Quantities("Net profit was 8,250,000 dlrs or 1.40 dlrs per share.");

        found.Select(q => q.Value).Should().Equal(8_250_000, 1.40);
        found.Select(q => q.NormalizedUnit).Should().Equal("dollar", "dollar per share");
    }

    [Test]
    public void Parse_CloseAlternativesWithOr_StayARange()
    {
        var q = Single("Analysts expect the price to settle at 140 or 138 yen.");

        q.Low.Should().Be(138);
        q.High.Should().Be(140);
    }

    [TestCase("The index was 3% higher by 1200 GMT on Friday.", "1200 GMT")]
    [TestCase("The final kicks off at 2015 GMT.", "2015 GMT")]
    [TestCase("Trading in the stock resumes at 0930 hrs EST.", "0930 hrs EST")]
    [TestCase("The tremor struck at 1430 local time.", "1430 local time")]
    [TestCase("The committee reconvenes at 1530 hrs.", "1530 hrs")]
    [TestCase("The ferry left at 815 gmt.", "815 gmt")]
    public void Parse_WireTimeOfDay_IsATime(string text, string span)
    {
        var time = QuantityParser.Parse(text).Single(q => q.Text == span);

        time.Kind.Should().Be(QuantityKind.Time);
        time.IsQuantity.Should().BeFalse();
        Quantities(text).Should().NotContain(q => q.Start == time.Start);
    }

    [TestCase("Volunteers gave 1200 hours of their time.", 1200, "hour")]
    [TestCase("The pilot has flown for 1500 hrs this year.", 1500, "hour")]
    public void Parse_FourDigitHoursWithoutTimeCue_StayADuration(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Value.Should().Be(value);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [TestCase("The state will spend two billion francs on the plan.", 2e9, "franc")]
    [TestCase("The bank set aside 40 mln Swiss francs.", 40e6, "swiss franc")]
    [TestCase("Turnover reached 17 billion Belgian francs.", 17e9, "belgian franc")]
    [TestCase("Sales rose to 180 mln French francs.", 180e6, "french franc")]
    [TestCase("The bond raised 300 mln Luxembourg francs.", 300e6, "luxembourg franc")]
    [TestCase("Aid of 475 mln CFA francs was pledged.", 475e6, "cfa franc")]
    [TestCase("Shares closed at 630 pesos.", 630, "peso")]
    [TestCase("The budget sets aside 250 mln rupees.", 250e6, "rupee")]
    [TestCase("Imports cost 90 bln Pakistani rupees.", 90e9, "pakistani rupee")]
    [TestCase("A taxi ride cost five million lira.", 5e6, "lira")]
    [TestCase("The budget deficit is 40 billion riyals.", 40e9, "riyal")]
    [TestCase("Reserves stood at 1.2 billion Kuwaiti dinars.", 1.2e9, "kuwaiti dinar")]
    [TestCase("Coffee earned 3.1 billion shillings.", 3.1e9, "shilling")]
    [TestCase("The loan is for 50 mln European Currency Units.", 50e6, "european currency unit")]
    [TestCase("Profit was 12 mln Irish pounds.", 12e6, "irish pound")]
    public void Parse_CurrencyOfSeveralCountries_IsNeutralUnlessNamed(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Money);
        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [Test]
    public void Parse_YearAfterMonthBeforeCurrencyWord_IsAYear()
    {
        var found = QuantityParser.Parse("It bought back its June 1985 Swiss franc bond.");

        found.Should().ContainSingle().Which.Kind.Should().Be(QuantityKind.Year);
    }

    [Test]
    public void Parse_YearBeforeCurrencyWordAndAmount_IsAYear()
    {
        var found = QuantityParser.Parse("It repaid a 1982 Swiss franc 400 mln issue.");

        found[0].Kind.Should().Be(QuantityKind.Year);
        found[1].Value.Should().Be(400e6);
    }

    [Test]
    public void Parse_CurrencyCodeThatIsAWord_MatchesOnlyInCapitals()
    {
        Single("He scored one try in the second half.").Kind.Should().Be(QuantityKind.Count);
        Single("The bank sold 40 mln TRY.").NormalizedUnit.Should().Be("turkish lira");
    }

    [TestCase("Borrowings totalled 1.775 billion marks last week.", 1.775e9, "mark")]
    [TestCase("The deal will cost about 400 mln crowns.", 400e6, "crown")]
    [TestCase("Each 200 mln crown tranche is due in May.", 200e6, "crown")]
    [TestCase("The dollar was fixed at 1.8218 marks.", 1.8218, "mark")]
    [TestCase("The bank raised 50 mln D-marks.", 50e6, "deutsche mark")]
    [TestCase("The issue is for 300 Deutsche marks a bond.", 300, "deutsche mark")]
    [TestCase("Capital rose by 200 mln Finnish marks.", 200e6, "finnish markka")]
    [TestCase("The loan is for 600 mln Danish crowns.", 600e6, "danish krone")]
    [TestCase("Exports came to 12 billion Czech crowns.", 12e9, "czech koruna")]
    public void Parse_MarksAndCrownsWithScaleOrCountry_AreMoney(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Money);
        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [TestCase("She got 10 marks out of 10.", 10, "mark")]
    [TestCase("The king wore three crowns in the portrait.", 3, "crown")]
    [TestCase("He was given 7.5 marks for the essay.", 7.5, "mark")]
    [TestCase("Users in Europe broke the 100 million mark.", 100e6, null)]
    [TestCase("It may fall below the three million mark before long.", 3e6, null)]
    public void Parse_BareMarksAndCrowns_StayCounted(string text, double value, string? normalized)
    {
        var q = Quantities(text)[0];

        q.Kind.Should().Be(QuantityKind.Count);
        q.Value.Should().Be(value);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [TestCase("Farmers sold 1.2 mln bushels of corn.", 1.2e6, "bushel")]
    [TestCase("The mill bought 50,000 bales of cotton.", 50000, "bale")]
    [TestCase("Output reached 3.1 mln short tons in May.", 3.1e6, "short ton")]
    [TestCase("The ship loaded 20,000 long tons of sugar.", 20000, "long ton")]
    [TestCase("The mine produced 244,900 troy ounces of gold.", 244900, "troy ounce")]
    [TestCase("Stocks rose to 2,764,000 cwts.", 2764000, "hundredweight")]
    [TestCase("The mill cut 40 mln board feet of timber.", 40e6, "board foot")]
    [TestCase("The harvest came to 913,000 quintales.", 913000, "quintal")]
    [TestCase("Reserves stood at 408 mln bbls.", 408e6, "barrel")]
    public void Parse_CommodityMeasure_IsAMeasure(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Kind.Should().Be(QuantityKind.Measure);
        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [Test]
    public void Parse_PricePerBushel_HasAPerUnit()
    {
        var q = Single("Wheat fell to 2.85 dlrs per bushel.");

        q.Kind.Should().Be(QuantityKind.Money);
        q.NormalizedUnit.Should().Be("dollar per bushel");
    }

    [TestCase("The board declared a 3-for-2 stock split.")]
    [TestCase("The board approved a two-for-one stock split.")]
    [TestCase("The company plans a one-for-five rights issue.")]
    [TestCase("It plans a one for five reverse stock split.")]
    [TestCase("The notes convert on a one for one basis.")]
    [TestCase("EARNINGS ADJUSTED FOR FOUR-FOR-THREE SPLIT")]
    public void Parse_Ratio_IsNoCount(string text)
    {
        Quantities(text).Should().BeEmpty();
    }

    [TestCase("Seats sold three for 200 dlrs.", 3)]
    [TestCase("The benefit is 111 pounds for two children.", 2)]
    public void Parse_ForBetweenNumbersWithoutRatioNoun_KeepsBoth(string text, double second)
    {
        Quantities(text).Select(q => q.Value).Should().Contain(second);
    }

    [TestCase("The plan will cost billions of dollars.", QuantityKind.Money, "dollar")]
    [TestCase("Firms spent hundreds of millions of pounds on it.", QuantityKind.Money, "pound sterling")]
    [TestCase("Exports fell by thousands of tonnes.", QuantityKind.Measure, "tonne")]
    [TestCase("Thousands of workers went on strike.", QuantityKind.Count, "worker")]
    public void Parse_VagueAmountOfAUnit_TakesTheUnitsKind(string text, QuantityKind kind, string normalized)
    {
        var q = Single(text);

        q.Kind.Should().Be(kind);
        q.NormalizedUnit.Should().Be(normalized);
        q.IsRange.Should().BeTrue();
    }

    [TestCase("The firm won a 15-mln-dlr contract from the navy.", 15e6, "dollar")]
    [TestCase("Ministers approved a four-mln-tonne export subsidy.", 4e6, "tonne")]
    [TestCase("The city took out a $3-billion loan.", 3e9, "dollar")]
    [TestCase("The bank is issuing a 200 mln franc bond.", 200e6, "franc")]
    [TestCase("The fund lent 50 mln Ecus to farmers.", 50e6, "european currency unit")]
    [TestCase("Tourism brought in 30 bln baht last year.", 30e9, "thai baht")]
    public void Parse_HyphenatedScaleAndWireCurrency_AreRead(string text, double value, string normalized)
    {
        var q = Single(text);

        q.Value.Should().BeApproximately(value, value * 1e-9);
        q.NormalizedUnit.Should().Be(normalized);
    }

    [Test, Explicit("Speed measurement on the 24 MB news corpus; prints MB/s.")]
    public void Parse_NewsCorpus_Speed()
    {
        var path = SharedData.Require("data/news/news-all.jsonl");
        var texts = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            texts.Add(doc.RootElement.GetProperty("text").GetString() ?? string.Empty);
        }

        var chars = texts.Sum(t => (long)t.Length);
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var count = 0;
        foreach (var t in texts)
        {
            count += QuantityParser.Parse(t).Count;
        }

        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var t in texts)
            {
                QuantityParser.Parse(t);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        TestContext.Out.WriteLine($"{texts.Count} documents, {bytes / 1e6:0.0} MB UTF-8 ({chars} chars), {count} quantities; best of 5: {best:0.000} s = {bytes / 1e6 / best:0} MB/s");
        best.Should().BeLessThan(0.2 * bytes / 24e6);
    }
}
