using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>
/// Word lists of the quantity grammar, as <see cref="WordIndex"/> tables looked up by span so parsing never allocates
/// substrings. They are built on every start, so they avoid frozen collections: those cost milliseconds to analyse
/// their keys and to JIT their generic code over our value types, which ReadyToRun cannot precompile.
/// </summary>
internal static class QuantityWords
{
    /// <summary>Number words by value: "one".."nineteen", tens, "hundred", scales, "dozen".</summary>
    internal static readonly WordIndex<double> Numbers = Build(
        "zero 0 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 " +
        "fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 " +
        "sixty 60 seventy 70 eighty 80 ninety 90 hundred 100 thousand 1000 million 1000000 billion 1000000000 " +
        "trillion 1000000000000 dozen 12");

    /// <summary>Plural vague amounts before "of": "hundreds of" is 100 to 1,000 (the NewsQuant convention).</summary>
    internal static readonly WordIndex<double> VaguePlurals = Build(
        "dozens 12 scores 20 hundreds 100 thousands 1000 millions 1000000 billions 1000000000 trillions 1000000000000 tens 10");

    /// <summary>Fraction denominators: "third" 3, "quarters" 4.</summary>
    internal static readonly WordIndex<double> Denominators = Build(
        "half 2 halves 2 third 3 thirds 3 quarter 4 quarters 4 fifth 5 fifths 5 sixth 6 sixths 6 eighth 8 eighths 8 tenth 10 tenths 10");

    /// <summary>Ordinal words.</summary>
    internal static readonly WordIndex<double> Ordinals = Build(
        "first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 tenth 10 eleventh 11 twelfth 12 " +
        "twentieth 20 hundredth 100");

    /// <summary>Scale words and abbreviations after a number (matched case-insensitively except "M", "m", "K", "k", "B").</summary>
    internal static readonly WordIndex<double> Scales = Build(
        "hundred 100 thousand 1000 million 1000000 billion 1000000000 trillion 1000000000000 bn 1000000000 " +
        "mn 1000000 mln 1000000 mil 1000000 tn 1000000000000 trn 1000000000000 bln 1000000000");

    /// <summary>The number (1–12) of a month written in full and capitalised ("March"), else 0.</summary>
    internal static int FullMonthNumber(ReadOnlySpan<char> word) => word switch
    {
        "January" => 1, "February" => 2, "March" => 3, "April" => 4, "May" => 5, "June" => 6,
        "July" => 7, "August" => 8, "September" => 9, "October" => 10, "November" => 11, "December" => 12,
        _ => 0,
    };

    /// <summary>Months, full and abbreviated (case-sensitive, capitalised).</summary>
    internal static readonly WordIndex Months = new(ignoreCase: false,
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    /// <summary>Words that end a counted-noun phrase or cannot be its head: function words, auxiliaries, common adverbs.</summary>
    internal static readonly WordIndex Stop = new(ignoreCase: true,
        "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
        "by", "with", "without", "into", "onto", "over", "under", "above", "below", "after", "before", "since", "until", "during",
        "between", "among", "through", "across", "against", "per", "as", "than", "like", "about", "around", "up", "down", "out",
        "off", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "it", "its", "he", "she", "they",
        "them", "their", "his", "her", "we", "our", "you", "your", "i", "me", "my", "us", "who", "whom", "whose", "which", "what",
        "when", "where", "while", "why", "how", "if", "so", "then", "there", "here", "also", "only", "just", "even", "still",
        "more", "less", "most", "least", "each", "every", "all", "both", "either", "neither", "some", "any", "such", "other",
        "another", "ago", "later", "earlier", "now", "ever", "never", "too", "very", "already", "yet", "again", "each", "own",
        "said", "says", "say", "told", "according", "year-on-year", "respectively", "apiece", "each", "overall", "total",
        "higher", "lower", "last", "next", "times", "today", "yesterday", "tomorrow", "instead", "because", "whereas", "though",
        "although", "within", "via", "toward", "towards", "beyond", "despite", "except", "plus", "minus", "versus", "vs",
        "away", "back", "along", "amid", "ahead", "left", "including", "compared", "versus", "year", "month", "week", "day",
        "percent", "cent", "a.m.", "p.m.", "am", "pm", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /// <summary>Words before a number that make it a label, not a quantity: "category 4", "Unit 3", "Game 7".</summary>
    internal static readonly WordIndex Labels = new(ignoreCase: true,
        "category", "level", "phase", "stage", "grade", "type", "version", "article", "section", "chapter", "page", "route",
        "gate", "platform", "room", "unit", "flight", "game", "round", "episode", "series", "model", "generation", "gen", "tier",
        "zone", "division", "lane", "highway", "interstate", "channel", "district", "block", "floor", "apartment", "pier",
        "terminal", "track", "figure", "fig", "table", "class", "act", "scene", "volume", "vol", "week", "day", "season",
        "number", "no", "nos", "#", "covid", "windows", "ios", "android", "v", "mark", "formula", "term", "bill", "proposition",
        "prop", "clause", "rule", "item", "line", "bus", "door", "hole", "lap", "row", "seat", "stand", "court", "ward", "group",
        "pool", "step", "part", "size", "exhibit", "appendix", "amendment", "title");

    /// <summary>Words that introduce a lower bound: "over", "above" (the "than" forms are handled apart).</summary>
    internal static readonly WordIndex<QuantityBound> BoundWords = new(ignoreCase: true)
    {
        ["over"] = QuantityBound.Greater, ["above"] = QuantityBound.Greater, ["exceeding"] = QuantityBound.Greater,
        ["beyond"] = QuantityBound.Greater, ["under"] = QuantityBound.Less, ["below"] = QuantityBound.Less,
        ["nearly"] = QuantityBound.Approximate, ["almost"] = QuantityBound.Approximate, ["about"] = QuantityBound.Approximate,
        ["around"] = QuantityBound.Approximate, ["roughly"] = QuantityBound.Approximate, ["approximately"] = QuantityBound.Approximate,
        ["approx"] = QuantityBound.Approximate, ["circa"] = QuantityBound.Approximate, ["approaching"] = QuantityBound.Approximate,
        ["estimated"] = QuantityBound.Approximate, ["an estimated"] = QuantityBound.Approximate, ["some"] = QuantityBound.Equal,
        ["exactly"] = QuantityBound.Equal, ["precisely"] = QuantityBound.Equal, ["sub"] = QuantityBound.Less,
        ["maximum"] = QuantityBound.LessOrEqual, ["minimum"] = QuantityBound.GreaterOrEqual, ["nearer"] = QuantityBound.Approximate,
    };

    /// <summary>Verbs and nouns of change with their direction.</summary>
    internal static readonly WordIndex<bool> ChangeWords = BuildChanges();

    /// <summary>Words allowed between a change verb and the number: "rose sharply by", "fell just 2%".</summary>
    internal static readonly WordIndex ChangeFillers = new(ignoreCase: true,
        "by", "just", "only", "sharply", "slightly", "some", "another", "further", "marginally", "a", "an", "modest", "sharp",
        "steep", "strong", "massive", "whopping", "nearly", "almost", "about", "around", "roughly", "more", "than", "over", "less",
        "least", "at", "up", "to", "as", "much", "many", "fully", "respectively", "all", "of", "underlying", "annual", "year-on-year");

    /// <summary>Determiners skipped after "of" in "one of the …", "60 per cent of its revenue".</summary>
    internal static readonly WordIndex Determiners = new(ignoreCase: true,
        "the", "its", "his", "her", "their", "our", "my", "your", "these", "those", "all", "a", "an", "this", "that");

    /// <summary>Irregular plurals and their singular.</summary>
    internal static readonly WordIndex<string> IrregularPlurals = new(ignoreCase: true)
    {
        ["people"] = "people", ["men"] = "man", ["women"] = "woman", ["children"] = "child", ["feet"] = "foot",
        ["teeth"] = "tooth", ["mice"] = "mouse", ["geese"] = "goose", ["police"] = "police", ["staff"] = "staff",
        ["cattle"] = "cattle", ["personnel"] = "personnel", ["data"] = "data", ["media"] = "media", ["criteria"] = "criterion",
        ["sheep"] = "sheep", ["fish"] = "fish", ["deer"] = "deer", ["aircraft"] = "aircraft", ["crew"] = "crew",
        ["troops"] = "troop", ["species"] = "species", ["series"] = "series", ["kids"] = "kid", ["lives"] = "life",
        ["wives"] = "wife", ["knives"] = "knife", ["halves"] = "half", ["leaves"] = "leaf", ["wolves"] = "wolf",
        ["phenomena"] = "phenomenon", ["indices"] = "index", ["analyses"] = "analysis", ["crises"] = "crisis",
        ["bases"] = "base", ["cases"] = "case", ["houses"] = "house", ["buses"] = "bus", ["horses"] = "horse",
        ["courses"] = "course", ["nurses"] = "nurse", ["purchases"] = "purchase", ["releases"] = "release",
        ["responses"] = "response", ["licenses"] = "license", ["licences"] = "licence", ["expenses"] = "expense",
        ["pulses"] = "pulse", ["causes"] = "cause", ["uses"] = "use", ["databases"] = "database", ["phases"] = "phase",
        ["increases"] = "increase", ["decreases"] = "decrease", ["doses"] = "dose", ["noses"] = "nose", ["vases"] = "vase",
        ["clauses"] = "clause", ["businesses"] = "business", ["lenses"] = "lens", ["gases"] = "gas", ["atlases"] = "atlas",
    };

    private static WordIndex<double> Build(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var map = new WordIndex<double>(ignoreCase: true);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map[parts[i]] = double.Parse(parts[i + 1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return map;
    }

    private static WordIndex<bool> BuildChanges()
    {
        const string Up = "rose rise rises rising risen up gained gain gains gaining added adds climbed climb climbs climbing jumped jump " +
            "jumps jumping surged surge surges surging soared soar soars soaring increased increase increases increasing advanced " +
            "advances advancing grew grow grows growing grown growth rallied rally rallies spiked spike boosted boost hike hiked " +
            "hikes raised raise raises upped higher improved improvement expanded upward upwards";
        const string Down = "fell fall falls falling fallen dropped drop drops dropping declined decline declines declining lost lose " +
            "loses losing loss slid slide slides sliding slipped slip slips plunged plunge plunges plummeted plummet tumbled tumble " +
            "tumbles sank sink sinks down decreased decrease decreases decreasing eased ease eases shed sheds cut cuts shrank " +
            "shrink shrunk contracted contraction dipped dip dips retreated slumped slump lower lowered reduced reduction reduce " +
            "slashed slash weakened crashed crash sagged downward downwards";
        var up = Up.Split(' ');
        var down = Down.Split(' ');
        var map = new WordIndex<bool>(ignoreCase: true);
        foreach (var w in up)
        {
            map[w] = true;
        }

        foreach (var w in down)
        {
            map[w] = false;
        }

        return map;
    }
}
