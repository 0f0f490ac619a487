using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Acceptance;

public class ClaimsAcceptanceTests
{
    private static IReadOnlyList<Claim> OicClaims() => QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true }).ExtractQuotes(File.ReadAllText(SharedData.Require("examples/oic-summit.txt"))).Claims;

    [Test]
    public void OicSummit_MigrantFigures_AreAClaimBySource()
    {
        var claim = OicClaims().Single(c => c.Quantities.Any(q => q.Value == 6632));
        var quantity = claim.Quantities.First(q => q.Value == 6632);
        quantity.Unit.Should().Be("migrants");
        claim.Time!.Text.Should().Be("this year");
        claim.Comparison!.Direction.Should().Be("up");
        claim.Comparison.Reference!.Value.Should().Be(4600);
        claim.AssertedBy.Should().Be(new ClaimAsserter("figures", ClaimAsserterKind.Source));
    }

    [Test]
    public void OicSummit_FortyCountries_IsAClaimByStarmer()
    {
        var claim = OicClaims().Single(c => c.Quantities.Any(q => q.Value == 40));
        var quantity = claim.Quantities.First(q => q.Value == 40);
        quantity.Bound.Should().Be(QuantityBound.Greater);
        quantity.Unit.Should().Be("countries");
        claim.AssertedBy.Should().Be(new ClaimAsserter("Keir Starmer", ClaimAsserterKind.Speaker));
        claim.Text.Should().StartWith("Today, I am bringing together representatives from more than 40 countries");
    }

    [TestCase("France has said")]
    [TestCase("Germany will strengthen")]
    [TestCase("joint taskforce with Italy")]
    public void OicSummit_QuotedAssertions_AreClaimsByStarmer(string contains) =>
        OicClaims().Should().Contain(c => c.Text.Contains(contains, StringComparison.Ordinal) && c.AssertedBy.Name == "Keir Starmer" && c.AssertedBy.Kind == ClaimAsserterKind.Speaker);
}
