namespace QuoteExtraction.Text;

/// <summary>How an abbreviation behaves at a potential sentence boundary.</summary>
internal enum AbbreviationKind : byte
{
    /// <summary>Not an abbreviation.</summary>
    None = 0,

    /// <summary>Precedes a name or number and practically never ends a sentence: "Mr.", "Sen.", "vs.", "e.g.", months.</summary>
    NeverEnds,

    /// <summary>Often precedes proper nouns ("U.S. Army", "Inc. Chairman"), so it ends a sentence only before a typical sentence starter ("The", "He").</summary>
    EndsBeforeStarter,

    /// <summary>Rarely precedes proper nouns ("etc.", "a.m."), so it ends a sentence before any capitalised word that is not a day, month or time zone.</summary>
    EndsBeforeCapital,

    /// <summary>An abbreviation only when a number follows ("No. 10", "Fig. 3"); otherwise an ordinary word and a period.</summary>
    BeforeNumberOnly,
}

/// <summary>
/// Word lists used by the tokenizer and sentence splitter, as <see cref="WordIndex"/>es: looked up by
/// <see cref="ReadOnlySpan{T}"/> so the hot path never allocates substrings, and next to free to build at start-up.
/// </summary>
internal static class Lexicon
{
    /// <summary>Longest abbreviation in <see cref="Abbreviations"/>, to bound look-ups.</summary>
    internal const int MaxAbbreviationLength = 8;

    /// <summary>Abbreviations with their trailing period, case-sensitive ("Mr.", "U.S.", "etc.").</summary>
    internal static readonly WordIndex<AbbreviationKind> Abbreviations = BuildAbbreviations();

    /// <summary>Words after an apostrophe that form an elision rather than open a quote: 'em, 'til, 'n', 'cause (case-insensitive, without the apostrophe).</summary>
    internal static readonly WordIndex Elisions =
        new WordIndex(ignoreCase: true, "em", "til", "tis", "twas", "cause", "bout", "n", "neath", "nuff", "twere");

    /// <summary>Capitalised words that typically begin a sentence and rarely continue a name ("The", "He", "But").</summary>
    internal static readonly WordIndex SentenceStarters =
        new(ignoreCase: false,
            "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On", "At",
            "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "My", "Your", "As", "After", "Before",
            "When", "While", "If", "However", "Meanwhile", "Also", "For", "Some", "Many", "Most", "One", "Now", "Then", "Still",
            "Earlier", "Later", "According", "What", "Why", "How", "Who", "Where", "Since", "Although", "Though", "Despite",
            "With", "Without", "By", "From", "To", "Not", "No", "Yes", "Even", "Both", "Each", "All", "Such", "Other", "Another",
            "Instead", "Indeed", "Thus", "Because", "Today", "Yesterday", "Here", "Only", "Among", "During", "Until",
            "More", "Last", "Asked", "Mr.", "Mrs.", "Ms.", "Dr.", "Those", "Every", "Nor");

    /// <summary>Capitalised words that commonly follow "a.m."/"p.m."/"etc." inside a sentence: days, months, time zones.</summary>
    internal static readonly WordIndex CalendarWords = new WordIndex(
        ignoreCase: false,
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
        "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "BST", "UTC", "CET", "CEST");

    /// <summary>Top-level domains accepted for bare domain names such as "example.com".</summary>
    internal static readonly WordIndex TopLevelDomains =
        new WordIndex(ignoreCase: true, "com", "org", "net", "gov", "edu", "io", "info", "uk", "int", "mil");

    /// <summary>Returns how the abbreviation <paramref name="text"/> (including its final period) behaves, or <see cref="AbbreviationKind.None"/>.</summary>
    internal static AbbreviationKind GetAbbreviation(ReadOnlySpan<char> text) =>
        text.Length <= MaxAbbreviationLength && Abbreviations.TryGetValue(text, out var kind) ? kind : AbbreviationKind.None;

    private static WordIndex<AbbreviationKind> BuildAbbreviations()
    {
        var map = new WordIndex<AbbreviationKind>(ignoreCase: false);
        void Add(AbbreviationKind kind, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[w] = kind;
            }
        }

        // Titles, ranks and prefixes: a name follows.
        Add(AbbreviationKind.NeverEnds,
            "Mr. Mrs. Ms. Mx. Messrs. Mmes. Mme. Mlle. Dr. Drs. Prof. Profs. Rev. Revs. Hon. Rt. Fr. Sen. Sens. Rep. Reps. " +
            "Gov. Govs. Pres. Atty. Amb. Supt. Insp. Det. Gen. Gens. Lt. Col. Capt. Cmdr. Cdr. Adm. Maj. Sgt. Cpl. Pvt. Brig. " +
            "St. Ste. Mt. Ft. vs. v. e.g. i.e. cf. approx. " +
            "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec.");

        // Company suffixes, places, name suffixes: may end a sentence.
        Add(AbbreviationKind.EndsBeforeStarter,
            "U.S. U.K. U.N. E.U. D.C. L.A. N.Y. N.J. U.S.A. Inc. Corp. Ltd. Co. Cos. Bros. Jr. Sr. Ph.D. Esq. Dept. Univ. Assn. " +
            "Ave. Rd. Blvd. Sq. Calif. Fla. Ill. Mass. Mich. Pa. Penn. Tenn. Tex. Ariz. Conn. Colo. Ga. Md. Minn. Okla. Ore. " +
            "Va. Wis. Ky. Nev. Ala. Ark. Kan. Neb.");

        Add(AbbreviationKind.EndsBeforeCapital, "etc. a.m. p.m. A.M. P.M. al.");

        Add(AbbreviationKind.BeforeNumberOnly, "No. Nos. Art. Fig. Vol. Ch.");

        return map;
    }
}
