namespace QuoteExtraction.Claims;

/// <summary>How the stated value bounds the true quantity. JSON forms: "=", "~", "&gt;", "&gt;=", "&lt;", "&lt;=".</summary>
public enum QuantityBound
{
    /// <summary>The value as stated ("=").</summary>
    Equal,

    /// <summary>A hedged value: "about", "around", "nearly", "roughly", "some" ("~").</summary>
    Approximate,

    /// <summary>"more than", "over", "above" ("&gt;").</summary>
    Greater,

    /// <summary>"at least", "no fewer than" ("&gt;=").</summary>
    GreaterOrEqual,

    /// <summary>"less than", "fewer than", "under", "below" ("&lt;").</summary>
    Less,

    /// <summary>"up to", "at most", "no more than" ("&lt;=").</summary>
    LessOrEqual,
}

/// <summary>What a <see cref="Quantity"/> measures. Dates, years, times, ordinals and ranks are kept apart from quantities.</summary>
public enum QuantityKind
{
    /// <summary>A count of things, with or without a counted noun ("6,632 migrants", "a dozen").</summary>
    Count,

    /// <summary>An amount of money ("£3.5bn", "50p", "10 million Australian dollars").</summary>
    Money,

    /// <summary>A percentage or percentage points ("4.5 per cent", "3%").</summary>
    Percent,

    /// <summary>A physical or other measure with a unit from the unit lexicon ("120 km", "3000 rpm", "24-year-old").</summary>
    Measure,

    /// <summary>An ordinal ("third", "21st").</summary>
    Ordinal,

    /// <summary>A rank ("No. 1", "#3").</summary>
    Rank,

    /// <summary>A year or decade ("in 2023", "the 1990s").</summary>
    Year,

    /// <summary>A day of a month ("Jan. 5", "5 March").</summary>
    Date,

    /// <summary>A clock time or duration on a clock ("10:30", "5pm").</summary>
    Time,

    /// <summary>A number that names rather than measures: model numbers and labels ("iPhone 11", "FTSE 100", "Game 7").</summary>
    Other,
}

/// <summary>The role a number plays in a stated change.</summary>
public enum QuantityChangeRole
{
    /// <summary>No change is stated around the number.</summary>
    None,

    /// <summary>The number is the size of the change: "rose 5%", "rose by 5%", "an increase of 5%", "down 19 cents".</summary>
    Amount,

    /// <summary>The number is the level reached: "rose to $7bn", "fell to 4%".</summary>
    To,

    /// <summary>The number is the level left: "down from 4,600", "a sharp increase from the previous figure of 4,600".</summary>
    From,
}

/// <summary>
/// A quantity found in text: a number (or a range) with its bound, unit, counted thing and stated change.
/// </summary>
/// <remarks>
/// For a range ("between 40 and 50", "40-50", "40 to 50", "hundreds of"), <see cref="Low"/> and <see cref="High"/>
/// hold the smaller and larger end (whatever their order in the text) and <see cref="Value"/> equals <see cref="Low"/>.
/// For a single number both are <see langword="null"/>. Scales are applied: "£3.5bn" has the value 3,500,000,000.
/// </remarks>
public sealed record Quantity
{
    /// <summary>Offset of the first character of the quantity's text (UTF-16).</summary>
    public required int Start { get; init; }

    /// <summary>Offset just past the last character (half-open).</summary>
    public required int End { get; init; }

    /// <summary>The text from <see cref="Start"/> to <see cref="End"/>.</summary>
    public required string Text { get; init; }

    /// <summary>The value with scales applied; for a range, the lower end.</summary>
    public required double Value { get; init; }

    /// <summary>For a range, the lower end; otherwise <see langword="null"/>.</summary>
    public double? Low { get; init; }

    /// <summary>For a range, the upper end; otherwise <see langword="null"/>.</summary>
    public double? High { get; init; }

    /// <summary>How the value bounds the quantity ("more than 40" is <see cref="QuantityBound.Greater"/>).</summary>
    public QuantityBound Bound { get; init; }

    /// <summary>The unit as written: "migrants", "km", "$", "per cent", "$ per barrel"; <see langword="null"/> for a bare number.</summary>
    public string? Unit { get; init; }

    /// <summary>The unit in canonical form: "migrant", "kilometre", "dollar", "percentage", "dollar per barrel".</summary>
    public string? NormalizedUnit { get; init; }

    /// <summary>What is measured when it differs from the unit: "torque" in "275 pound-feet of torque", "revenue" in "60 per cent of its revenue".</summary>
    public string? Measured { get; init; }

    /// <summary>"up" or "down" when the text states a change around the number ("rose by", "increase of", "fell to", "down from"); otherwise <see langword="null"/>.</summary>
    public string? Change { get; init; }

    /// <summary>Whether the number is the change itself, the level reached or the level left; <see cref="QuantityChangeRole.None"/> when <see cref="Change"/> is null.</summary>
    public QuantityChangeRole ChangeRole { get; init; }

    /// <summary>What the number is: a count, money, a percentage, a measure, or a date-like or naming number kept apart from quantities.</summary>
    public QuantityKind Kind { get; init; }

    /// <summary>Whether this is a range (<see cref="Low"/> and <see cref="High"/> are set).</summary>
    public bool IsRange => Low.HasValue && High.HasValue;

    /// <summary>Whether the kind is a measured quantity (count, money, percent, measure) rather than a date, year, time, ordinal, rank or label.</summary>
    public bool IsQuantity => Kind is QuantityKind.Count or QuantityKind.Money or QuantityKind.Percent or QuantityKind.Measure;

    /// <summary>The JSON form of <see cref="Bound"/>: "=", "~", "&gt;", "&gt;=", "&lt;" or "&lt;=".</summary>
    public string BoundSymbol => Bound switch
    {
        QuantityBound.Approximate => "~",
        QuantityBound.Greater => ">",
        QuantityBound.GreaterOrEqual => ">=",
        QuantityBound.Less => "<",
        QuantityBound.LessOrEqual => "<=",
        _ => "=",
    };
}
