using System.Diagnostics.CodeAnalysis;

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
    internal static readonly WordIndex<QuantityBound> BoundWords = BuildBounds();

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
    internal static readonly WordIndex<string> IrregularPlurals = BuildStrings(
        "people people men man women woman children child feet foot teeth tooth mice mouse geese goose police police " +
        "staff staff cattle cattle personnel personnel data data media media criteria criterion sheep sheep fish fish " +
        "deer deer aircraft aircraft crew crew troops troop species species series series kids kid lives life wives " +
        "wife knives knife halves half leaves leaf wolves wolf phenomena phenomenon indices index analyses analysis " +
        "crises crisis bases base cases case houses house buses bus horses horse courses course nurses nurse purchases " +
        "purchase releases release responses response licenses license licences licence expenses expense pulses pulse " +
        "causes cause uses use databases database phases phase increases increase decreases decrease doses dose noses " +
        "nose vases vase clauses clause businesses business lenses lens gases gas atlases atlas");

    private static WordIndex<double> Build(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var map = new WordIndex<double>(parts.Length / 2, ignoreCase: true);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map.Set(parts[i], double.Parse(parts[i + 1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return map;
    }

    private static WordIndex<QuantityBound> BuildBounds()
    {
        var map = new WordIndex<QuantityBound>(24, ignoreCase: true);
        void Add(QuantityBound bound, params string[] words)
        {
            foreach (var word in words)
            {
                map.Set(word, bound);
            }
        }

        Add(QuantityBound.Greater, "over", "above", "exceeding", "beyond");
        Add(QuantityBound.Less, "under", "below", "sub");
        Add(QuantityBound.Approximate, "nearly", "almost", "about", "around", "roughly", "approximately", "approx", "circa", "approaching", "estimated", "an estimated", "nearer");
        Add(QuantityBound.Equal, "some", "exactly", "precisely");
        Add(QuantityBound.LessOrEqual, "maximum");
        Add(QuantityBound.GreaterOrEqual, "minimum");
        return map;
    }

    private static WordIndex<string> BuildStrings(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var map = new WordIndex<string>(parts.Length / 2, ignoreCase: true);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map.Set(parts[i], parts[i + 1]);
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
        var map = new WordIndex<bool>(up.Length + down.Length, ignoreCase: true);
        foreach (var w in up)
        {
            map.Set(w, true);
        }

        foreach (var w in down)
        {
            map.Set(w, false);
        }

        return map;
    }
}

/// <summary>
/// A read-only set of words looked up by span: open addressing over a cheap hash, case-insensitive like
/// <see cref="StringComparer.OrdinalIgnoreCase"/> or ordinal. Small and built in microseconds, so start-up does not pay
/// for frozen collections.
/// </summary>
internal class WordIndex
{
    private const int FilterBits = 4096;
    private readonly bool _ignoreCase;
    private readonly string[] _keys;
    private readonly int[] _slots; // key index + 1; 0 is empty
    private readonly int _shift;
    private readonly ulong[] _filter = new ulong[FilterBits / 64];
    private int _minLength = int.MaxValue;
    private int _maxLength;

    /// <summary>Creates a set of <paramref name="words"/>.</summary>
    /// <param name="ignoreCase">Whether words match like <see cref="StringComparer.OrdinalIgnoreCase"/>; otherwise ordinally.</param>
    /// <param name="words">The words; repeats are kept once.</param>
    internal WordIndex(bool ignoreCase, params string[] words)
        : this(words.Length, ignoreCase)
    {
        foreach (var word in words)
        {
            Add(word);
        }
    }

    /// <summary>Creates an empty table for up to <paramref name="capacity"/> words.</summary>
    /// <param name="capacity">The most words it will hold.</param>
    /// <param name="ignoreCase">Whether words match like <see cref="StringComparer.OrdinalIgnoreCase"/>; otherwise ordinally.</param>
    private protected WordIndex(int capacity, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        _keys = new string[capacity];

        // At most a quarter full, so a miss mostly ends at the first empty slot.
        var bits = 4;
        while ((1 << bits) < capacity * 4)
        {
            bits++;
        }

        _slots = new int[1 << bits];
        _shift = 32 - bits;
    }

    /// <summary>The number of words.</summary>
    internal int Count { get; private set; }

    /// <summary>The words, in the order they were added.</summary>
    internal IEnumerable<string> Keys => new ArraySegment<string>(_keys, 0, Count);

    /// <summary>Whether the table holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is in the table.</returns>
    internal bool Contains(ReadOnlySpan<char> word) => IndexOf(word) >= 0;

    /// <summary>The index (in adding order) of <paramref name="word"/>, or -1.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Its index, or -1 when absent.</returns>
    internal int IndexOf(ReadOnlySpan<char> word)
    {
        // Most words asked about are not in the table: the length range and a bitmap of (length, first char, last
        // char) turn most of them away before the hash reads every char.
        if ((uint)(word.Length - _minLength) > (uint)(_maxLength - _minLength))
        {
            return -1;
        }

        var bit = FilterBit(word);
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return -1;
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = (int)(Hash(word) >> _shift); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return -1;
            }

            var key = _keys[slot - 1];
            if (key.Length == word.Length && (_ignoreCase ? word.Equals(key, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(key)))
            {
                return slot - 1;
            }
        }
    }

    /// <summary>Adds <paramref name="word"/> when it is new.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Its index, new or existing.</returns>
    private protected int Add(string word)
    {
        var existing = IndexOf(word);
        if (existing >= 0)
        {
            return existing;
        }

        if (Count == _keys.Length)
        {
            throw new InvalidOperationException("The word table is full.");
        }

        var mask = _slots.Length - 1;
        var i = (int)(Hash(word) >> _shift);
        while (_slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _keys[Count] = word;
        _slots[i] = ++Count;
        if (word.Length > 0)
        {
            var bit = FilterBit(word);
            _filter[bit >> 6] |= 1UL << bit;
        }

        _minLength = Math.Min(_minLength, word.Length);
        _maxLength = Math.Max(_maxLength, word.Length);
        return Count - 1;
    }

    private int FilterBit(ReadOnlySpan<char> word)
    {
        uint first = word[0], last = word[^1];
        if (_ignoreCase)
        {
            first = Fold(first);
            last = Fold(last);
        }

        return (int)((((uint)word.Length * 0x9E3779B1u) ^ (first * 0x85EBCA6Bu) ^ (last * 0xC2B2AE35u)) * 0x27D4EB2Fu >> (32 - 12));
    }

    // FNV-1a, then a multiplicative mix so the top bits (the slot) depend on every char. Ignoring case, ASCII letters
    // fold to upper case and every other non-ASCII char hashes alike: OrdinalIgnoreCase never equates a non-ASCII char
    // with an ASCII one (not even "ſ" with "s"), so equal words always hash alike.
    private uint Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        if (_ignoreCase)
        {
            foreach (var c in word)
            {
                h = (h ^ Fold(c)) * 16777619u;
            }
        }
        else
        {
            foreach (var c in word)
            {
                h = (h ^ c) * 16777619u;
            }
        }

        return h * 0x9E3779B1u;
    }

    private static uint Fold(uint c) => c < 0x80 ? (c - 'a' <= 'z' - 'a' ? c - 0x20u : c) : 0x80u;
}

/// <summary>A read-only word dictionary looked up by span: a <see cref="WordIndex"/> with a value per word.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WordIndex<TValue> : WordIndex
{
    private readonly TValue[] _values;

    /// <summary>Creates an empty dictionary for up to <paramref name="capacity"/> words.</summary>
    /// <param name="capacity">The most words it will hold.</param>
    /// <param name="ignoreCase">Whether words match like <see cref="StringComparer.OrdinalIgnoreCase"/>; otherwise ordinally.</param>
    internal WordIndex(int capacity, bool ignoreCase)
        : base(capacity, ignoreCase) => _values = new TValue[capacity];

    /// <summary>Sets the value of <paramref name="word"/>, adding it when new.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value.</param>
    internal void Set(string word, TValue value) => _values[Add(word)] = value;

    /// <summary>Adds <paramref name="word"/> unless it is there already.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether it was added.</returns>
    internal bool TryAdd(string word, TValue value)
    {
        var count = Count;
        var index = Add(word);
        if (index < count)
        {
            return false;
        }

        _values[index] = value;
        return true;
    }

    /// <summary>Whether the dictionary holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool ContainsKey(ReadOnlySpan<char> word) => IndexOf(word) >= 0;

    /// <summary>Looks up <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value, when found.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(word);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _values[index];
        return true;
    }
}
