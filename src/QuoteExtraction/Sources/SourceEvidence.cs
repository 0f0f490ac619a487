using QuoteExtraction.Text;

namespace QuoteExtraction.Sources;

/// <summary>An event mention: "the inaugural Organised Immigration Crime (OIC) summit", "a rally in Ohio", "Sunday's debate".</summary>
/// <param name="FirstToken">First token of the event phrase (after any determiner).</param>
/// <param name="EndToken">One past its last token.</param>
/// <param name="HeadToken">The event noun.</param>
/// <param name="Name">The event's name as written, without a leading determiner or lower-case adjectives.</param>
/// <param name="Named">Whether it has a proper name or a place ("the summit" alone is not named).</param>
/// <param name="IsVenue">Whether a preposition or verb makes it the place where something was said ("at the summit").</param>
internal readonly record struct EventMention(int FirstToken, int EndToken, int HeadToken, string Name, bool Named, bool IsVenue);

/// <summary>An outlet credited with relaying a quotation: ", reports the Express", "according to The New York Times".</summary>
/// <param name="Outlet">The outlet match.</param>
/// <param name="FirstToken">First token of the whole relay phrase.</param>
/// <param name="EndToken">One past its last token.</param>
internal readonly record struct RelayMention(PhraseMatch Outlet, int FirstToken, int EndToken);

/// <summary>
/// The source evidence of one document, found once: outlet mentions, venue words, event mentions and relay phrases,
/// all outside speech quotation marks. Linear in tokens, span look-ups only.
/// </summary>
internal sealed class SourceEvidenceIndex
{
    private static readonly WordIndex EventHeads = Set(
        "summit", "rally", "conference", "convention", "debate", "hearing", "meeting", "forum", "event", "ceremony", "congress", "festival",
        "gala", "dinner", "vigil", "march", "protest", "hustings", "assembly", "session", "fundraiser", "briefing", "launch", "roundtable",
        "committee", "inquiry", "questions", "sermon", "address", "speech", "stop", "hall", "conference", "lecture", "service", "memorial", "funeral",
        "commencement", "breakfast", "luncheon", "reception", "hearings");

    // Heads that are events only with a name ("State of the State address", "concession speech in Phoenix"), never alone.
    private static readonly WordIndex NamedOnlyHeads = Set("address", "speech", "stop", "hall", "session", "service", "committee", "questions", "lecture");

    private static readonly WordIndex VenuePrepositions = Set(
        "at", "during", "from", "addressing", "addressed", "told", "before", "in", "on", "to", "opening", "closing", "after");

    private static readonly WordIndex CommonOutletWords = Set(
        "Times", "Post", "Sun", "Mail", "Express", "Journal", "Globe", "Standard", "Sky", "Fox", "Independent", "Mirror", "Metro", "Spectator",
        "Hill", "Atlantic", "View", "Tribune", "Guardian", "Observer", "Telegraph", "Economist", "Time", "Star", "Today", "Slate", "Vox", "Standard",
        "X", "Threads", "Telegram", "This Morning");

    private static readonly WordIndex OutletContext = Set(
        "the", "told", "tells", "telling", "on", "to", "with", "for", "in", "via", "by", "reports", "reported", "reporting", "according", "of");

    private static readonly WordIndex ReportVerbs = Set("reports", "reported", "reporting", "report", "revealed", "reveals", "learned", "learnt", "obtained", "understands");


    private readonly TextDocument _doc;

    /// <summary>Finds the evidence of <paramref name="doc"/>.</summary>
    /// <param name="doc">The analysed text.</param>
    /// <param name="quoted">Per token: inside a speech quotation.</param>
    /// <param name="near">Per token: near a quotation (outlets and venues are only looked for there), or <c>null</c> for everywhere.</param>
    public SourceEvidenceIndex(TextDocument doc, bool[] quoted, bool[]? near = null)
    {
        _doc = doc;
        var tokens = doc.Tokens;
        ReadOnlySpan<char> text = doc.Text; // sliced per token: no string-to-span call each time in ReadyToRun code
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (quoted[i] || token.Kind != TokenKind.Word)
            {
                continue;
            }

            if ((near is null || near[i]) && (tokens[i].Has(TokenFlags.Capitalized) || tokens[i].Has(TokenFlags.AllCaps)))
            {
                if (PhraseLexicon.Outlets.TryMatch(text, tokens, i, out var outlet) && AcceptOutlet(outlet, quoted))
                {
                    Outlets.Add(outlet);
                    i = outlet.EndToken - 1;
                    continue;
                }
            }

            // Venue words only count near a quotation; the look-up is skipped elsewhere (most of a long article).
            if (token.Length >= 2 && (near is null || near[i]) && PhraseLexicon.Venues.TryMatch(text, tokens, i, out var venue) && !AnyQuoted(quoted, venue.FirstToken, venue.EndToken))
            {
                Venues.Add(venue);
            }

            if (token.Length >= 4 && token.Length <= 11 && EventHeads.Contains(text.Slice(token.Start, token.Length)))
            {
                AddEvent(i, quoted);
            }
        }

        foreach (var outlet in Outlets)
        {
            if (TryRelay(outlet, out var relay))
            {
                Relays.Add(relay);
            }
        }
    }

    /// <summary>Outlet mentions in document order.</summary>
    public List<PhraseMatch> Outlets { get; } = [];

    /// <summary>Venue words in document order (value = medium).</summary>
    public List<PhraseMatch> Venues { get; } = [];

    /// <summary>Event mentions in document order.</summary>
    public List<EventMention> Events { get; } = [];

    /// <summary>Relay phrases in document order.</summary>
    public List<RelayMention> Relays { get; } = [];

    /// <summary>Whether an outlet is a relay rather than the outlet spoken through.</summary>
    public bool IsRelay(PhraseMatch outlet)
    {
        foreach (var r in Relays)
        {
            if (r.Outlet.FirstToken == outlet.FirstToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most recent named event before <paramref name="beforeToken"/> with the same head word as token <paramref name="headToken"/>, or, when that is -1, the most recent named event something was said at.</summary>
    public EventMention? LatestNamedEvent(int beforeToken, int headToken = -1)
    {
        for (int k = Events.Count - 1; k >= 0; k--)
        {
            var e = Events[k];
            // A back-reference by head ("the summit") may point at any named mention; one without a head ("during his
            // speech") only at an event that something was said at.
            if (e.FirstToken < beforeToken && e.Named && (headToken < 0 ? e.IsVenue : Word(e.HeadToken).Equals(Word(headToken), StringComparison.OrdinalIgnoreCase)))
            {
                return e;
            }
        }

        return null;
    }

    private static WordIndex Set(params string[] words) => new WordIndex(ignoreCase: true, words);

    /// <summary>The text of token <paramref name="t"/>, without allocating.</summary>
    internal ReadOnlySpan<char> Word(int t) => _doc.GetText(_doc.Tokens[t]);

    private static bool AnyQuoted(bool[] quoted, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (quoted[t])
            {
                return true;
            }
        }

        return false;
    }

    private bool AcceptOutlet(PhraseMatch outlet, bool[] quoted)
    {
        if (AnyQuoted(quoted, outlet.FirstToken, outlet.EndToken))
        {
            return false;
        }

        var tokens = _doc.Tokens;
        if (outlet.EndToken - outlet.FirstToken > 1 || !CommonOutletWords.Contains(Word(outlet.FirstToken)))
        {
            // "Daily Mail", "CNN", "Politico": distinctive enough on their own, unless a capitalised word continues the name
            // ("Fox Business" is matched whole; "Sky Sports" is not Sky News).
            return outlet.EndToken >= tokens.Length || !tokens[outlet.EndToken].Has(TokenFlags.Capitalized) || outlet.EndToken - outlet.FirstToken > 1;
        }

        // A common word ("Times", "Sun", "Post") is an outlet only after "the" or a venue word, and not before another name.
        int prev = outlet.FirstToken - 1;
        bool context = prev >= 0 && OutletContext.Contains(Word(prev));
        bool continued = outlet.EndToken < tokens.Length && tokens[outlet.EndToken].Has(TokenFlags.Capitalized) && tokens[outlet.EndToken].Kind == TokenKind.Word;
        return context && !continued;
    }

    private void AddEvent(int head, bool[] quoted)
    {
        var tokens = _doc.Tokens;
        int s = head;
        int k = head - 1;
        while (k >= 0 && !quoted[k])
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation && _doc.Text[t.Start] == ')')
            {
                // A parenthetical acronym inside the name: "(OIC)".
                int open = k - 1;
                while (open >= 0 && open > k - 6 && !(tokens[open].Kind == TokenKind.Punctuation && _doc.Text[tokens[open].Start] == '('))
                {
                    open--;
                }

                if (open < 0 || open <= k - 6)
                {
                    break;
                }

                s = open;
                k = open - 1;
                continue;
            }

            bool capital = (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps)) && !(t.Has(TokenFlags.SentenceStart) && VenuePrepositions.Contains(Word(k)));
            bool possessive = t.Has(TokenFlags.Clitic) && k > 0 && (tokens[k - 1].Has(TokenFlags.Capitalized) || tokens[k - 1].Kind == TokenKind.Word);
            if (capital || possessive || t.Kind == TokenKind.Number)
            {
                s = k;
                k--;
                continue;
            }

            // Lower-case modifiers ("televised", "winter", "campaign", "press") belong to the name when a capitalised or
            // possessive word stands before them: "Thursday's televised debate", "Association winter meeting".
            if (t.Kind == TokenKind.Word && !Determiner(k) && k > 0 && !quoted[k - 1])
            {
                int j = k;
                while (j > k - 2 && j >= 0 && tokens[j].Kind == TokenKind.Word && !tokens[j].Has(TokenFlags.Capitalized) && !Determiner(j) && !VenuePrepositions.Contains(Word(j)))
                {
                    j--;
                }

                if (j >= 0 && j < k && (tokens[j].Has(TokenFlags.Capitalized) || tokens[j].Has(TokenFlags.Clitic)) && !tokens[j].Has(TokenFlags.SentenceStart))
                {
                    s = j;
                    k = j - 1;
                    continue;
                }
            }

            break;
        }

        int e = head + 1;
        if (Word(head).Equals("town", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // "a rally in Ohio", "a summit in Brussels": the place belongs to the event's name.
        if (e + 1 < tokens.Length && !quoted[e] && Word(e) is "in" or "of" && tokens[e + 1].Has(TokenFlags.Capitalized) && !quoted[e + 1])
        {
            int p = e + 1;
            while (p < tokens.Length && !quoted[p] && tokens[p].Has(TokenFlags.Capitalized) && tokens[p].Kind == TokenKind.Word)
            {
                p++;
            }

            e = p;

            // "in Manchester, New Hampshire": a state or country after the town.
            if (e + 1 < tokens.Length && Word(e) is "," && tokens[e + 1].Has(TokenFlags.Capitalized) && !quoted[e + 1])
            {
                int q = e + 1;
                while (q < tokens.Length && !quoted[q] && tokens[q].Has(TokenFlags.Capitalized) && tokens[q].Kind == TokenKind.Word)
                {
                    q++;
                }

                e = q;
            }
        }

        // "town hall", "press conference", "campaign stop": a lower-case word that makes the head.
        if (s == head && head > 0 && Word(head - 1) is "town" or "press" or "news" or "campaign" or "concession" or "victory" or "acceptance" or "maiden" or "keynote")
        {
            s = head - 1;
        }

        bool named = (s < head && HasNameWord(s, head)) || e > head + 1 || tokens[head].Has(TokenFlags.Capitalized);
        if (NamedOnlyHeads.Contains(Word(head)) && !named)
        {
            return;
        }

        // Skip a determiner or possessive to find the governing preposition: "at the summit", "during Sunday's debate".
        int g = s - 1;
        while (g >= 0 && !quoted[g] && tokens[g].Kind == TokenKind.Word && !tokens[g].Has(TokenFlags.Capitalized) && g > s - 4
            && Word(g) is "the" or "a" or "an" or "this" or "his" or "her" or "their" or "its" or "our" or "last" or "inaugural" or "annual" or "international" or "national" or "first" or "recent" or "weekly" or "party" or "campaign" or "televised" or "presidential")
        {
            g--;
        }

        bool venue = g >= 0 && !quoted[g] && VenuePrepositions.Contains(Word(g));
        var name = _doc.Text[tokens[s].Start..tokens[e - 1].End];
        Events.Add(new EventMention(s, e, head, name, named, venue));
    }

    private bool Determiner(int t) => Word(t) is "the" or "a" or "an" or "this" or "that" or "his" or "her" or "their" or "its" or "our" or "my" or "your";

    private bool HasNameWord(int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (_doc.Tokens[t].Has(TokenFlags.Capitalized) || _doc.Tokens[t].Has(TokenFlags.Clitic) || _doc.Tokens[t].Kind == TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    private bool TryRelay(PhraseMatch outlet, out RelayMention relay)
    {
        relay = default;
        var tokens = _doc.Tokens;
        int before = outlet.FirstToken - 1;
        if (before >= 0 && Word(before).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            before--;
        }

        // ", reports the Express" / "reported by Politico" / "according to The New York Times" / "via Reuters".
        if (before >= 0)
        {
            var w = Word(before);
            if (ReportVerbs.Contains(w))
            {
                relay = new RelayMention(outlet, before, outlet.EndToken);
                return true;
            }

            if (w is "by" && before > 0 && ReportVerbs.Contains(Word(before - 1)))
            {
                relay = new RelayMention(outlet, before - 1, outlet.EndToken);
                return true;
            }

            if (w is "to" && before > 0 && Word(before - 1).Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                relay = new RelayMention(outlet, before - 1, outlet.EndToken);
                return true;
            }

            if (w is "via")
            {
                relay = new RelayMention(outlet, before, outlet.EndToken);
                return true;
            }
        }

        // "The Guardian reported", "Politico first reported", "the Times has learned".
        int after = outlet.EndToken;
        while (after < tokens.Length && Word(after) is "has" or "had" or "first" or "exclusively" or "also" or "previously" or "earlier")
        {
            after++;
        }

        if (after < tokens.Length && ReportVerbs.Contains(Word(after)))
        {
            relay = new RelayMention(outlet, outlet.FirstToken, after + 1);
            return true;
        }

        return false;
    }
}
