using QuoteExtraction.Text;

namespace QuoteExtraction.Entities;

/// <summary>A title or honorific written before a name: its gender and role key ("*" for a modifier such as "Former").</summary>
internal readonly record struct TitleEntry(Gender Gender, string? Role, int TokenCount)
{
    public bool IsModifier => Role == "*";
}

/// <summary>
/// Word lists for entity recognition, read once from the embedded <c>models/lexicons/*.tsv</c> files.
/// Every set exposes a span look-up so scanning never allocates substrings.
/// </summary>
internal sealed class EntityLexicons
{
    private static readonly Lazy<EntityLexicons> s_instance = new(() => new EntityLexicons(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Most tokens in a title phrase ("Work and Pensions Secretary").</summary>
    internal int MaxTitleTokens { get; }

    private EntityLexicons()
    {
        var titles = new WordIndex<TitleEntry>(ignoreCase: true);
        var titleFirst = new WordIndex(ignoreCase: true);
        var max = 1;
        foreach (var f in Rows("titles.tsv"))
        {
            var count = f[0].Split(' ').Length;
            max = Math.Max(max, count);
            titles[f[0]] = new TitleEntry(ParseGender(f[1]), f[2] == "-" ? null : f[2], count);
            titleFirst.Add(f[0].Split(' ')[0]);
        }

        MaxTitleTokens = max;
        Titles = titles;
        TitleFirstWords = titleFirst;
        var roles = new WordIndex<Gender>(ignoreCase: true);
        foreach (var f in Rows("roles.tsv"))
        {
            if (!roles.TryAdd(f[0], ParseGender(f[1])))
            {
                throw new FormatException($"roles.tsv: '{f[0]}' is listed twice.");
            }
        }

        Roles = roles;

        // A first name listed twice keeps its first gender.
        var firstNames = new WordIndex<Gender>(ignoreCase: true);
        foreach (var f in Rows("first-names.tsv"))
        {
            firstNames.TryAdd(f[0], ParseGender(f[1]));
        }

        FirstNames = firstNames;
        OrgHeads = Set("org-heads.tsv");
        Organizations = Set("organizations.tsv");
        Places = Set("places.tsv");
    }

    /// <summary>The shared instance, loaded on first use (thread-safe).</summary>
    internal static EntityLexicons Instance => s_instance.Value;

    /// <summary>Titles and honorifics by phrase, tokens joined by single spaces, case-insensitive.</summary>
    internal WordIndex<TitleEntry> Titles { get; }

    /// <summary>First words of <see cref="Titles"/>, to skip phrase look-ups quickly.</summary>
    internal WordIndex TitleFirstWords { get; }

    /// <summary>Role head nouns with a gender when the noun has one ("spokeswoman"), case-insensitive.</summary>
    internal WordIndex<Gender> Roles { get; }

    /// <summary>First names with their usual gender, case-insensitive.</summary>
    internal WordIndex<Gender> FirstNames { get; }

    /// <summary>Last words of organisation names ("Office", "Party"), case-sensitive.</summary>
    internal WordIndex OrgHeads { get; }

    /// <summary>Whole organisation and outlet names ("Reuters", "White House"), case-sensitive.</summary>
    internal WordIndex Organizations { get; }

    /// <summary>Place names that are neither people nor organisations, case-sensitive.</summary>
    internal WordIndex Places { get; }

    /// <summary>Speech verbs that mark the capitalised word before them as a speaker.</summary>
    internal static readonly WordIndex SpeechVerbs = new WordIndex(
        ignoreCase: false,
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "explained", "declared", "stated", "noted",
        "argued", "insisted", "claimed", "warned", "announced", "asked", "replied", "responded", "continued", "emphasised",
        "emphasized", "stressed", "admitted", "acknowledged", "suggested", "recalled", "urged", "predicted", "countered");

    /// <summary>Plural or generic nouns that head anonymous source mentions ("sources", "officials"); they resolve to no entity.</summary>
    internal static readonly WordIndex GenericNouns = new WordIndex(
        ignoreCase: true,
        "source", "sources", "officials", "experts", "critics", "analysts", "protesters", "protestors", "residents", "witnesses",
        "observers", "authorities", "investigators", "police", "people", "voters", "supporters", "opponents", "poll", "polls",
        "study", "studies", "report", "reports", "data", "figures", "statement", "survey", "documents", "records", "insiders",
        "aides", "advisers", "advisors", "lawmakers", "members", "leaders", "others", "many", "some", "critics", "fans");

    private static Gender ParseGender(string s) => s switch
    {
        "m" => Gender.Male,
        "f" => Gender.Female,
        _ => Gender.Unknown,
    };

    private static WordIndex Set(string file)
    {
        var set = new WordIndex(ignoreCase: false);
        foreach (var f in Rows(file))
        {
            set.Add(f[0]);
        }

        return set;
    }

    private static List<string[]> Rows(string file) => EmbeddedLexicon.Rows(file);
}
