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

    /// <summary>A cue occurrence: its tokens <c>[FirstToken, EndToken)</c>, their character range and what it signals.</summary>
    internal readonly record struct Hit(int FirstToken, int EndToken, int Start, int End, ClaimCue Cue);

    /// <summary>Finds every cue among the word tokens of an analysed document, in text order, appending to <paramref name="hits"/>.</summary>
    internal static void Scan(Text.TextDocument doc, List<Hit> hits)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.Kind != Text.TokenKind.Word || !Lookup.TryGetValue(doc.GetText(token), out var cue))
            {
                continue;
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
