using System.Collections.Frozen;
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
        var titles = new Dictionary<string, TitleEntry>(StringComparer.OrdinalIgnoreCase);
        var titleFirst = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var max = 1;
        foreach (var f in Rows("titles.tsv"))
        {
            var count = f[0].Split(' ').Length;
            max = Math.Max(max, count);
            titles[f[0]] = new TitleEntry(ParseGender(f[1]), f[2] == "-" ? null : f[2], count);
            titleFirst.Add(f[0].Split(' ')[0]);
        }

        MaxTitleTokens = max;
        Titles = titles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        TitleFirstWords = titleFirst.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Roles = Rows("roles.tsv").ToDictionary(f => f[0], f => ParseGender(f[1]), StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        FirstNames = Rows("first-names.tsv").GroupBy(f => f[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => ParseGender(g.First()[1]), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        OrgHeads = Set("org-heads.tsv");
        Organizations = Set("organizations.tsv");
        Places = Set("places.tsv");
    }

    /// <summary>The shared instance, loaded on first use (thread-safe).</summary>
    internal static EntityLexicons Instance => s_instance.Value;

    /// <summary>Titles and honorifics by phrase, tokens joined by single spaces, case-insensitive.</summary>
    internal FrozenDictionary<string, TitleEntry>.AlternateLookup<ReadOnlySpan<char>> Titles { get; }

    /// <summary>First words of <see cref="Titles"/>, to skip phrase look-ups quickly.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleFirstWords { get; }

    /// <summary>Role head nouns with a gender when the noun has one ("spokeswoman"), case-insensitive.</summary>
    internal FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> Roles { get; }

    /// <summary>First names with their usual gender, case-insensitive.</summary>
    internal FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> FirstNames { get; }

    /// <summary>Last words of organisation names ("Office", "Party"), case-sensitive.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgHeads { get; }

    /// <summary>Whole organisation and outlet names ("Reuters", "White House"), case-sensitive.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Organizations { get; }

    /// <summary>Place names that are neither people nor organisations, case-sensitive.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Places { get; }

    /// <summary>Speech verbs that mark the capitalised word before them as a speaker.</summary>
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs =
        FrozenSet.Create(StringComparer.Ordinal,
            "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "explained", "declared", "stated", "noted",
            "argued", "insisted", "claimed", "warned", "announced", "asked", "replied", "responded", "continued", "emphasised",
            "emphasized", "stressed", "admitted", "acknowledged", "suggested", "recalled", "urged", "predicted", "countered")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Plural or generic nouns that head anonymous source mentions ("sources", "officials"); they resolve to no entity.</summary>
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericNouns =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "source", "sources", "officials", "experts", "critics", "analysts", "protesters", "protestors", "residents", "witnesses",
            "observers", "authorities", "investigators", "police", "people", "voters", "supporters", "opponents", "poll", "polls",
            "study", "studies", "report", "reports", "data", "figures", "statement", "survey", "documents", "records", "insiders",
            "aides", "advisers", "advisors", "lawmakers", "members", "leaders", "others", "many", "some", "critics", "fans")
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static Gender ParseGender(string s) => s switch
    {
        "m" => Gender.Male,
        "f" => Gender.Female,
        _ => Gender.Unknown,
    };

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string file) =>
        Rows(file).Select(f => f[0]).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static List<string[]> Rows(string file) => EmbeddedLexicon.Rows(file);
}
