using System.Runtime.CompilerServices;
using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>What a cue word signals.</summary>
[Flags]
internal enum ClaimCue
{
    None = 0,
    Prediction = 1,
    Commitment = 2,
    Rule = 4,
    Causation = 8,
    Comparison = 16,
    Up = 32,
    Down = 64,
    Same = 128,
    Ranking = 256,
    SourceNoun = 512,
    According = 1024,
    NeedsTo = 2048,      // only with "to" next ("plans to", "due to", "led to", "expected to")
    NeedsWithTo = 4096,  // only with "with" or "to" next ("compared with")
    Will = 8192,         // "will", "'ll", "shall": prediction or commitment by subject
    NeedsFrom = 32768,   // only with "from" next ("up from", "down from")

    /// <summary>The cues that make a sentence a claim candidate on their own.</summary>
    Claiming = Prediction | Commitment | Rule | Causation | Comparison | Up | Down | Same | Ranking | Will,
}

/// <summary>The cue lexicon and its vectorised whole-document scan.</summary>
internal static class ClaimCues
{
    private static readonly (string Word, ClaimCue Cue)[] Entries =
    [
        ("will", ClaimCue.Will), ("'ll", ClaimCue.Will), ("\u2019ll", ClaimCue.Will), ("shall", ClaimCue.Will),
        ("expected", ClaimCue.Prediction | ClaimCue.NeedsTo), ("forecast", ClaimCue.Prediction), ("forecasts", ClaimCue.Prediction),
        ("projected", ClaimCue.Prediction), ("predicted", ClaimCue.Prediction), ("predicts", ClaimCue.Prediction), ("likely", ClaimCue.Prediction | ClaimCue.NeedsTo),
        ("set", ClaimCue.Prediction | ClaimCue.NeedsTo), ("due", ClaimCue.Causation | ClaimCue.NeedsTo),
        ("pledged", ClaimCue.Commitment), ("pledge", ClaimCue.Commitment), ("pledges", ClaimCue.Commitment), ("promised", ClaimCue.Commitment),
        ("promise", ClaimCue.Commitment), ("promises", ClaimCue.Commitment), ("vowed", ClaimCue.Commitment), ("vows", ClaimCue.Commitment),
        ("committed", ClaimCue.Commitment | ClaimCue.NeedsTo), ("plans", ClaimCue.Commitment | ClaimCue.NeedsTo), ("plan", ClaimCue.Commitment | ClaimCue.NeedsTo),
        ("planning", ClaimCue.Commitment | ClaimCue.NeedsTo), ("wants", ClaimCue.Commitment | ClaimCue.NeedsTo), ("intends", ClaimCue.Commitment | ClaimCue.NeedsTo),
        ("aims", ClaimCue.Commitment | ClaimCue.NeedsTo), ("announced", ClaimCue.Commitment),
        ("law", ClaimCue.Rule), ("laws", ClaimCue.Rule), ("rule", ClaimCue.Rule), ("rules", ClaimCue.Rule), ("legislation", ClaimCue.Rule),
        ("unlawful", ClaimCue.Rule), ("banned", ClaimCue.Rule), ("ban", ClaimCue.Rule), ("regulation", ClaimCue.Rule),
        ("regulations", ClaimCue.Rule), ("required", ClaimCue.Rule | ClaimCue.NeedsTo), ("must", ClaimCue.Rule), ("bill", ClaimCue.Rule),
        ("because", ClaimCue.Causation), ("caused", ClaimCue.Causation), ("causes", ClaimCue.Causation), ("led", ClaimCue.Causation | ClaimCue.NeedsTo),
        ("leads", ClaimCue.Causation | ClaimCue.NeedsTo), ("result", ClaimCue.Causation), ("resulted", ClaimCue.Causation), ("thanks", ClaimCue.Causation | ClaimCue.NeedsTo),
        ("blamed", ClaimCue.Causation), ("linked", ClaimCue.Causation | ClaimCue.NeedsTo),
        ("than", ClaimCue.Comparison), ("compared", ClaimCue.Comparison | ClaimCue.NeedsWithTo), ("versus", ClaimCue.Comparison),
        ("higher", ClaimCue.Up), ("more", ClaimCue.Up | ClaimCue.NeedsTo), ("increase", ClaimCue.Up), ("increased", ClaimCue.Up), ("increases", ClaimCue.Up),
        ("rise", ClaimCue.Up), ("rose", ClaimCue.Up), ("risen", ClaimCue.Up), ("rising", ClaimCue.Up), ("grew", ClaimCue.Up), ("growth", ClaimCue.Up),
        ("surged", ClaimCue.Up), ("jumped", ClaimCue.Up), ("doubled", ClaimCue.Up), ("tripled", ClaimCue.Up), ("climbed", ClaimCue.Up),
        ("lower", ClaimCue.Down), ("fewer", ClaimCue.Down), ("decrease", ClaimCue.Down), ("decreased", ClaimCue.Down), ("fell", ClaimCue.Down),
        ("fallen", ClaimCue.Down), ("falling", ClaimCue.Down), ("drop", ClaimCue.Down), ("dropped", ClaimCue.Down), ("declined", ClaimCue.Down),
        ("decline", ClaimCue.Down), ("halved", ClaimCue.Down), ("slumped", ClaimCue.Down),
        ("up", ClaimCue.Up | ClaimCue.NeedsFrom), ("down", ClaimCue.Down | ClaimCue.NeedsFrom), ("unchanged", ClaimCue.Same), ("steady", ClaimCue.Same),
        ("record", ClaimCue.Ranking), ("record-breaking", ClaimCue.Ranking), ("record-high", ClaimCue.Ranking), ("record-low", ClaimCue.Ranking), ("highest", ClaimCue.Ranking), ("lowest", ClaimCue.Ranking), ("largest", ClaimCue.Ranking),
        ("biggest", ClaimCue.Ranking), ("smallest", ClaimCue.Ranking), ("ranked", ClaimCue.Ranking), ("worst", ClaimCue.Ranking),
        ("figures", ClaimCue.SourceNoun), ("data", ClaimCue.SourceNoun), ("statistics", ClaimCue.SourceNoun), ("report", ClaimCue.SourceNoun),
        ("study", ClaimCue.SourceNoun), ("survey", ClaimCue.SourceNoun), ("research", ClaimCue.SourceNoun), ("poll", ClaimCue.SourceNoun),
        ("analysis", ClaimCue.SourceNoun), ("estimates", ClaimCue.SourceNoun), ("census", ClaimCue.SourceNoun),
        ("according", ClaimCue.According | ClaimCue.NeedsTo),
    ];

    // The word filter in front rules out most tokens without hashing them.
    private static readonly WordIndex<ClaimCue> Lookup = BuildLookup();

    /// <summary>Verbs that follow a source noun ("figures show").</summary>
    internal static readonly WordIndex ReportingVerbs = new(ignoreCase: true,
        "show", "shows", "showed", "shown", "suggest", "suggests", "suggested", "found", "finds", "reveal", "reveals", "revealed",
        "indicate", "indicates", "indicated", "published", "released", "says", "said", "confirm", "confirms", "confirmed", "estimates", "estimated");

    private static WordIndex<ClaimCue> BuildLookup()
    {
        var lookup = new WordIndex<ClaimCue>(ignoreCase: true);
        foreach (var (word, cue) in Entries)
        {
            lookup[word] = cue;
        }

        return lookup;
    }

    // A bit per (length, first char, last char) of the cue words, case folded (see Shape): a cheap test that rules out
    // most tokens without a branch, before the look-up.
    private static readonly ulong[] Shapes = BuildShapes();

    // Tokens are pre-screened in chunks of this many: the candidates' indices fit a small per-thread buffer.
    private const int Chunk = 256;

    [ThreadStatic] private static int[]? s_candidates;

    private static ulong[] BuildShapes()
    {
        var shapes = new ulong[16 * 32 * 32 / 64];
        foreach (var (word, _) in Entries)
        {
            int shape = Shape(word.Length, word[0], word[^1]);
            shapes[shape >> 6] |= 1UL << shape;
        }

        return shapes;
    }

    // The length (mod 16) and the low five bits of the first and last chars with ASCII letters folded to lower case.
    // Words equal ignoring case share a shape, unless a non-ASCII char is involved, which MayBeCue lets through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Shape(int length, char first, char last) => ((length & 15) << 10) | (((first | 0x20) & 31) << 5) | ((last | 0x20) & 31);

    // Whether a token may be a cue word: a word of a cue's shape or with a non-ASCII first or last char. No false
    // negatives (the look-up decides); computed without branches, as most tokens fail it unpredictably.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayBeCue(string text, in Text.Token token, ulong[] shapes)
    {
        char first = text[token.Start], last = text[token.End - 1];
        int shape = Shape(token.End - token.Start, first, last);
        bool known = ((shapes[shape >> 6] >> shape) & 1) != 0;
        return (token.Kind == Text.TokenKind.Word) & (known | ((first | last) >= 0x80));
    }

    /// <summary>A cue occurrence: its tokens <c>[FirstToken, EndToken)</c>, their character range and what it signals.</summary>
    internal readonly record struct Hit(int FirstToken, int EndToken, int Start, int End, ClaimCue Cue);

    /// <summary>Finds every cue among the word tokens of an analysed document, in text order, appending to <paramref name="hits"/>.</summary>
    internal static void Scan(Text.TextDocument doc, List<Hit> hits)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var shapes = Shapes;
        var candidates = s_candidates ??= new int[Chunk];
        for (int from = 0; from < tokens.Length; from += Chunk)
        {
            // The tokens of the chunk that may be cues, by index, then only those looked up.
            int to = Math.Min(tokens.Length, from + Chunk), count = 0;
            for (int t = from; t < to; t++)
            {
                candidates[count] = t;
                count += MayBeCue(text, tokens[t], shapes) ? 1 : 0;
            }

            for (int c = 0; c < count; c++)
            {
                Match(doc, candidates[c], hits);
            }
        }
    }

    // The cue hit of token t, if any.
    private static void Match(Text.TextDocument doc, int t, List<Hit> hits)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var token = tokens[t];
        if (token.Kind != Text.TokenKind.Word || !Lookup.TryGetValue(doc.GetText(token), out var cue))
        {
            return;
        }

        var next = t + 1 < tokens.Length ? text.AsSpan(tokens[t + 1].Start, tokens[t + 1].End - tokens[t + 1].Start) : default;
        int nextEnd = t + 1 < tokens.Length ? tokens[t + 1].End : token.End;
        if ((cue & ClaimCue.NeedsFrom) != 0)
        {
            if (next.Equals("from", StringComparison.Ordinal))
            {
                hits.Add(new Hit(t, t + 1, token.Start, token.End, cue & ~ClaimCue.NeedsFrom));
            }
        }
        else if (cue == ClaimCue.Ranking && !IsRecord(text, token.Start, token.End, text.Length))
        {
            // "track record", "criminal record", "on the record": not a ranking.
        }
        else if ((cue & ClaimCue.Up) != 0 && (cue & ClaimCue.NeedsTo) != 0)
        {
            if (next.Equals("than", StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new Hit(t, t + 1, token.Start, token.End, ClaimCue.Up)); // "more" counts only in "more than"
            }
        }
        else if ((cue & (ClaimCue.NeedsTo | ClaimCue.NeedsWithTo)) != 0)
        {
            if (next.Equals("to", StringComparison.OrdinalIgnoreCase) || ((cue & ClaimCue.NeedsWithTo) != 0 && next.Equals("with", StringComparison.OrdinalIgnoreCase)))
            {
                hits.Add(new Hit(t, t + 2, token.Start, nextEnd, cue & ~(ClaimCue.NeedsTo | ClaimCue.NeedsWithTo)));
            }
        }
        else
        {
            hits.Add(new Hit(t, t + 1, token.Start, token.End, cue));
        }
    }

    // "record" ranks only as "a/the/new/all-time record", "record-breaking", "record high/low/levels/numbers".
    private static bool IsRecord(string text, int start, int end, int limit)
    {
        if (!text.AsSpan(start, end - start).Equals("record", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (end < limit && text[end] == '-')
        {
            return true;
        }

        var next = NextWord(text, end, limit, out _);
        if (next is "high" or "highs" or "low" or "lows" or "levels" or "level" or "numbers" or "number" or "year" or "figures")
        {
            return true;
        }

        int p = start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        int e = p + 1;
        while (p >= 0 && (char.IsLetter(text[p]) || text[p] == '-'))
        {
            p--;
        }

        var previous = text.AsSpan(p + 1, e - p - 1);
        return previous is "a" or "new" or "all-time" or "A";
    }

    /// <summary>The word starting after whitespace at <paramref name="pos"/>, or empty.</summary>
    internal static ReadOnlySpan<char> NextWord(string text, int pos, int end, out int wordEnd)
    {
        while (pos < end && text[pos] == ' ')
        {
            pos++;
        }

        wordEnd = pos;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return text.AsSpan(pos, wordEnd - pos);
    }
}
