using QuoteExtraction.Text;

namespace QuoteExtraction.Sources;

/// <summary>The media a quotation can come through, in a fixed order (the classifier's classes after "none").</summary>
public static class Media
{
    /// <summary>The medium names, as written in the JSON output.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "speech", "interview", "statement", "op-ed", "social-media", "press-conference", "letter", "testimony", "debate", "publication", "broadcast",
    ];

    /// <summary>The index of a medium name in <see cref="All"/>, or -1.</summary>
    /// <param name="medium">The name.</param>
    /// <returns>The index.</returns>
    public static int IndexOf(string? medium)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], medium, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A match of a lexicon phrase on tokens.</summary>
/// <param name="FirstToken">First token.</param>
/// <param name="EndToken">One past the last token.</param>
/// <param name="Value">The canonical value (outlet name or medium).</param>
/// <param name="Kind">The outlet kind, or empty for venue phrases.</param>
internal readonly record struct PhraseMatch(int FirstToken, int EndToken, string Value, string Kind);

/// <summary>A token-sequence lexicon with span look-ups on the first word.</summary>
internal sealed class PhraseLexicon
{
    // First word -> phrases starting with it, longest first; the filter rules out most words unhashed.
    private readonly WordIndex<Phrase[]> _byFirst;
    private readonly StringComparison _comparison;

    private PhraseLexicon(Dictionary<string, List<Phrase>> map, bool ignoreCase)
    {
        _byFirst = new(ignoreCase);
        int max = 0;
        foreach (var (word, phrases) in map)
        {
            _byFirst[word] = Sorted.StableDescending(phrases, e => e.Words.Length);
            foreach (var phrase in phrases)
            {
                max = Math.Max(max, phrase.Words.Length);
            }
        }

        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        MaxTokens = max;
    }

    /// <summary>The most tokens a match can span: bounds how far before a position a match ending after it can start.</summary>
    public int MaxTokens { get; }

    /// <summary>The outlets (<c>models/lexicons/outlets.tsv</c>), matched case-sensitively.</summary>
    public static PhraseLexicon Outlets { get; } = LoadOutlets();

    /// <summary>The venue phrases (<c>models/lexicons/venues.tsv</c>), matched ignoring case.</summary>
    public static PhraseLexicon Venues { get; } = LoadVenues();

    /// <summary>Tries to match the longest phrase starting at token <paramref name="i"/>.</summary>
    public bool TryMatch(TextDocument doc, int i, out PhraseMatch match) => TryMatch(doc.Text, doc.Tokens, i, out match);

    /// <summary>
    /// <see cref="TryMatch(TextDocument, int, out PhraseMatch)"/> on a document's text and tokens: scans take the text as a
    /// span once and slice it per token (converting the string per token is a call in ReadyToRun code).
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, out PhraseMatch match)
    {
        match = default;
        if (!_byFirst.TryGetValue(text.Slice(tokens[i].Start, tokens[i].End - tokens[i].Start), out var entries))
        {
            return false;
        }

        foreach (var (words, value, kind) in entries)
        {
            if (i + words.Length > tokens.Length)
            {
                continue;
            }

            bool ok = true;
            for (int k = 1; k < words.Length && ok; k++)
            {
                ok = text.Slice(tokens[i + k].Start, tokens[i + k].End - tokens[i + k].Start).Equals(words[k], _comparison);
            }

            if (ok)
            {
                match = new PhraseMatch(i, i + words.Length, value, kind);
                return true;
            }
        }

        return false;
    }

    private static PhraseLexicon LoadOutlets()
    {
        var map = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var parts in EmbeddedLexicon.Rows("outlets.tsv"))
        {
            if (parts.Length != 3)
            {
                throw new FormatException($"outlets.tsv: expected 'name<TAB>kind<TAB>aliases', got '{string.Join(' ', parts)}'.");
            }

            foreach (var alias in parts[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(map, Words(alias), parts[0], parts[1]);
            }
        }

        return new PhraseLexicon(map, ignoreCase: false);
    }

    private static PhraseLexicon LoadVenues()
    {
        var map = new Dictionary<string, List<Phrase>>(StringComparer.OrdinalIgnoreCase);
        foreach (var parts in EmbeddedLexicon.Rows("venues.tsv"))
        {
            if (parts.Length != 2 || Media.IndexOf(parts[1]) < 0)
            {
                throw new FormatException($"venues.tsv: expected 'phrase<TAB>medium', got '{string.Join(' ', parts)}'.");
            }

            Add(map, Words(parts[0]), parts[1], string.Empty);
        }

        return new PhraseLexicon(map, ignoreCase: true);
    }

    // Tokenise lexicon entries with the same tokenizer as the text, so "op-ed" and "Radio 4" match token for token.
    private static string[] Words(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var words = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            words[i] = phrase[tokens[i].Start..tokens[i].End];
        }

        return words;
    }

    private static void Add(Dictionary<string, List<Phrase>> map, string[] words, string value, string kind)
    {
        if (words.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(words[0], out var list))
        {
            map[words[0]] = list = [];
        }

        list.Add(new Phrase(words, value, kind));
    }

    /// <summary>A phrase, tokenised, and what it stands for.</summary>
    private sealed record Phrase(string[] Words, string Value, string Kind);
}
