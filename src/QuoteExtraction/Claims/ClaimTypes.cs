namespace QuoteExtraction.Claims;

/// <summary>The fixed set of <see cref="Claim.Type"/> values.</summary>
public static class ClaimType
{
    /// <summary>A number stated as a fact: "6,632 migrants arrived", "unemployment is 4.5%".</summary>
    public const string Statistic = "statistic";

    /// <summary>A comparison with a reference: "up from 4,600", "more than last year", "compared with 2019", "higher than".</summary>
    public const string Comparison = "comparison";

    /// <summary>A stated change without a reference: "rose by 5%", "fell to 4%", "doubled".</summary>
    public const string Change = "change";

    /// <summary>A ranking or record: "the highest on record", "the largest", "ranked third".</summary>
    public const string Ranking = "ranking";

    /// <summary>A statement about the future: "prices will rise", "is expected to", "forecast".</summary>
    public const string Prediction = "prediction";

    /// <summary>A stated intention or promise of an actor: "Germany will strengthen its laws", "pledged to", "plans to".</summary>
    public const string Commitment = "commitment";

    /// <summary>A law, rule or ban: "it is illegal to", "the rules allow", "new legislation requires".</summary>
    public const string Rule = "rule";

    /// <summary>A cause and its effect: "because of", "led to", "due to", "caused".</summary>
    public const string Causation = "causation";

    /// <summary>Any other checkable assertion (a quoted statement of fact without one of the cues above).</summary>
    public const string Factual = "factual";
}

/// <summary>The <see cref="ClaimAsserter.Kind"/> values.</summary>
public static class ClaimAsserterKind
{
    /// <summary>The claim lies inside a quotation: asserted by its speaker.</summary>
    public const string Speaker = "speaker";

    /// <summary>The sentence credits data or a report: "figures show", "according to the ONS".</summary>
    public const string Source = "source";

    /// <summary>The writer of the text asserts it.</summary>
    public const string Reporter = "reporter";
}

/// <summary>A time expression a claim refers to.</summary>
/// <param name="Text">The expression as written ("this year", "in 2023", "last month").</param>
/// <param name="Value">A normalised form when derivable: a year ("2023"), or a relative form ("current-year", "previous-month", "today"); otherwise <c>null</c>.</param>
public sealed record ClaimTime(string Text, string? Value);

/// <summary>The value a comparison is made against ("the previous figure of 4,600").</summary>
/// <param name="Value">The reference value when it is a number, else <c>null</c>.</param>
/// <param name="Text">The reference as written ("4,600", "last year").</param>
public sealed record ClaimReference(double? Value, string Text);

/// <summary>A comparison or change stated by a claim.</summary>
/// <param name="Direction">"up", "down" or "same".</param>
/// <param name="Reference">What it is compared with, or <c>null</c> when the text gives no reference.</param>
public sealed record ClaimComparison(string Direction, ClaimReference? Reference);

/// <summary>Who asserts a claim.</summary>
/// <param name="Name">The speaker's name ("Keir Starmer"), the source ("figures", "ONS", "Home Office") or "reporter".</param>
/// <param name="Kind">"speaker", "source" or "reporter" (see <see cref="ClaimAsserterKind"/>).</param>
public sealed record ClaimAsserter(string Name, string Kind)
{
    /// <summary>The writer of the text.</summary>
    public static ClaimAsserter Reporter { get; } = new("reporter", ClaimAsserterKind.Reporter);
}

/// <summary>A checkable statement: a sentence or clause (inside or outside a quotation) with its quantities, time, comparison and asserter.</summary>
public sealed record Claim
{
    /// <summary>Offset of the first character of the claim (UTF-16).</summary>
    public required int Start { get; init; }

    /// <summary>Offset just past the last character (half-open).</summary>
    public required int End { get; init; }

    /// <summary>The text from <see cref="Start"/> to <see cref="End"/>.</summary>
    public required string Text { get; init; }

    /// <summary>One of the <see cref="ClaimType"/> values.</summary>
    public required string Type { get; init; }

    /// <summary>How check-worthy the claim is, from 0 to 1 (the check-worthiness model's score, or a cue-based fallback).</summary>
    public double CheckWorthiness { get; init; }

    /// <summary>The quantities (counts, money, percentages, measures) inside the claim, in text order.</summary>
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];

    /// <summary>The time the claim refers to, or <c>null</c>.</summary>
    public ClaimTime? Time { get; init; }

    /// <summary>The comparison or change the claim states, or <c>null</c>.</summary>
    public ClaimComparison? Comparison { get; init; }

    /// <summary>Who asserts the claim.</summary>
    public ClaimAsserter AssertedBy { get; init; } = ClaimAsserter.Reporter;
}
