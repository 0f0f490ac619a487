using System.Runtime.InteropServices;
using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>How a source span was cut relative to its cue.</summary>
internal enum SourceVariant : byte
{
    LeftSegment,
    LeftSegmentWithComma,
    LeftAfterComma,
    LeftChunk,
    Subject,
    RightSegment,
    RightToComma,
    RightToCommaInclusive,
    RightToSecondComma,
    RightToSecondCommaInclusive,
    RightToPreposition,
    RightChunk,
}

/// <summary>One speaker candidate for one quotation: a cue and a source span, with its feature row.</summary>
internal struct Candidate
{
    public int Cue;
    public int MentionFirstToken;
    public int MentionEndToken;
    public int MentionStart;
    public int MentionEnd;
    public SourceVariant Variant;
    public int FeatureOffset;
}

/// <summary>A speech quotation as the attribution stage sees it.</summary>
internal readonly record struct QuoteSlot(int Index, int Start, int End, int InnerStart, int InnerEnd, int FirstToken, int EndToken, bool Partial, bool ContinuesPrevious);

/// <summary>
/// Generates (cue, source span) candidates for the quotations of one document and fills their feature rows.
/// Cues come from the quotation's own sentences, the sentence before and after, the end of the previous paragraph
/// and a short next paragraph; for each cue, source spans are cut to its left (the segment, after its last comma,
/// the name chunk), to its right for inverted order ("said X", "according to X") and from its sentence's subject.
/// </summary>
internal sealed class CandidateGenerator
{
    internal const int MaxCuesPerQuote = 5;
    private const int MaxSegmentTokens = 40;

    // Every word list of candidate generation in one table (ignoring case): a token's classes cost one look-up.
    private static readonly WordIndex<WordClass> ClassLookup = BuildClassTable();

    private readonly TextDocument _doc;
    private readonly List<CueMatch> _cues;
    private readonly bool[] _quoted;
    private readonly List<QuoteSlot> _quotes;
    private readonly int[] _cueStarts;        // first token of each cue, ascending
    private readonly int[] _quoteStarts;      // first token of each quotation, ascending
    private readonly int[] _sentenceQuotes;   // per quotation: how many quotations share its first sentence
    private readonly (bool Starts, bool Ends)[] _paragraphEdges; // per quotation: starts / ends its paragraph
    private readonly ushort[] _classes;       // per token: WordClass bits, computed on first use (Computed bit set)
    private readonly int[] _cueSentences;     // per cue: the sentence it starts in (looked up for every quotation near it)

    /// <param name="document">The analysed text.</param>
    /// <param name="cues">The document's cues; those inside quotations are removed.</param>
    /// <param name="quotes">The speech quotations, in document order.</param>
    /// <param name="quoted">Per token: inside a speech quotation (<see cref="SpeakerAttributor.QuotedMask"/>).</param>
    public CandidateGenerator(TextDocument document, List<CueMatch> cues, List<QuoteSlot> quotes, bool[] quoted)
    {
        _doc = document;
        _cues = cues;
        _quotes = quotes;
        _quoted = quoted;
        _classes = new ushort[document.Tokens.Length];

        // Cues inside quotation marks are the speaker's words, not attributions.
        _cues.RemoveAll(c => c.FirstToken < _quoted.Length && _quoted[c.FirstToken]);
        _cueStarts = new int[_cues.Count];
        _cueSentences = new int[_cues.Count];
        for (int i = 0; i < _cues.Count; i++)
        {
            _cueStarts[i] = _cues[i].FirstToken;
            _cueSentences[i] = document.SentenceIndexAt(_cues[i].Start);
        }

        _quoteStarts = new int[quotes.Count];
        _sentenceQuotes = new int[quotes.Count];
        _paragraphEdges = new (bool, bool)[quotes.Count];
        var sentenceOf = new int[quotes.Count];
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            _quoteStarts[i] = q.FirstToken;
            sentenceOf[i] = document.SentenceIndexAt(q.Start);
            int para = document.ParagraphIndexAt(q.Start);
            if (para >= 0)
            {
                var paragraph = document.Paragraphs[para];
                _paragraphEdges[i] = (document.TokenIndexAt(paragraph.Start) == q.FirstToken, q.End >= paragraph.End - 1);
            }
        }

        // Quotations are in document order, so those sharing a sentence are adjacent.
        for (int i = 0; i < quotes.Count;)
        {
            int j = i;
            while (j < quotes.Count && sentenceOf[j] == sentenceOf[i])
            {
                j++;
            }

            for (int k = i; k < j; k++)
            {
                _sentenceQuotes[k] = j - i;
            }

            i = j;
        }
    }

    /// <summary>How many of the ascending <paramref name="starts"/> lie in [lo, hi).</summary>
    private static int CountIn(int[] starts, int lo, int hi)
    {
        if (hi <= lo)
        {
            return 0;
        }

        int a = LowerBound(starts, lo);
        int b = LowerBound(starts, hi);
        return b - a;
    }

    private static int LowerBound(int[] a, int value) => Sorted.FirstAtOrAfter(a, value);

    /// <summary>The cues outside quotations that candidates refer to by index.</summary>
    public List<CueMatch> Cues => _cues;

    /// <summary>Fills <paramref name="candidates"/> and their features for quotation <paramref name="qi"/>.</summary>
    public void Generate(int qi, List<Candidate> candidates, List<float> features)
    {
        var q = _quotes[qi];
        var tokens = _doc.Tokens;
        if (tokens.Length == 0 || q.FirstToken >= tokens.Length)
        {
            return;
        }

        int sFirst = _doc.SentenceIndexAt(q.Start);
        int sLast = Math.Max(sFirst, _doc.SentenceIndexAt(Math.Max(q.Start, q.End - 1)));
        if (sFirst < 0)
        {
            return;
        }

        var sentences = _doc.Sentences;
        int para = sentences[sFirst].Paragraph;

        // Pick cue candidates by region, nearest first.
        Span<int> chosen = stackalloc int[MaxCuesPerQuote];
        Span<int> regions = stackalloc int[MaxCuesPerQuote];
        Span<int> distances = stackalloc int[MaxCuesPerQuote];
        int nChosen = 0;
        int lo = sentences[Math.Max(0, sFirst - 2)].FirstToken;
        int hi = sentences[Math.Min(sentences.Length - 1, sLast + 2)].EndToken;
        // Cues are in document order and do not overlap: start at the last one beginning before lo (it may reach past
        // lo) and stop at hi, so a long document costs each quotation only its neighbourhood.
        for (int c = Math.Max(0, LowerBound(_cueStarts, lo) - 1); c < _cues.Count && _cues[c].FirstToken < hi; c++)
        {
            var cue = _cues[c];
            if (cue.EndToken <= lo)
            {
                continue;
            }

            int cs = _cueSentences[c];
            int region = RegionOf(cs, sFirst, sLast, para);
            if (region < 0)
            {
                continue;
            }

            int dist = cue.FirstToken >= q.EndToken ? cue.FirstToken - q.EndToken : q.FirstToken - cue.EndToken;
            dist = Math.Max(0, dist) + (region * 40);
            Insert(chosen, regions, distances, ref nChosen, c, region, dist);
        }

        // "X wrote that '…', according to The Times": when a speech verb shares the quotation's sentences, "according to"
        // credits a relaying source, not the speaker.
        bool verbInSentence = false;
        for (int k = 0; k < nChosen; k++)
        {
            verbInSentence |= regions[k] == 0 && _cues[chosen[k]].Class is not (CueClass.According or CueClass.Colon);
        }

        for (int k = 0; k < nChosen; k++)
        {
            if (verbInSentence && regions[k] == 0 && _cues[chosen[k]].Class == CueClass.According)
            {
                continue;
            }

            AddCueCandidates(qi, chosen[k], regions[k], k, candidates, features);
        }
    }

    private int RegionOf(int cueSentence, int sFirst, int sLast, int para)
    {
        var sentences = _doc.Sentences;
        if (cueSentence < 0)
        {
            return -1;
        }

        if (cueSentence >= sFirst && cueSentence <= sLast)
        {
            return 0;
        }

        int cuePara = sentences[cueSentence].Paragraph;
        if (cuePara == para)
        {
            if (cueSentence == sFirst - 1)
            {
                return 1;
            }

            if (cueSentence == sLast + 1)
            {
                return 2;
            }

            return -1;
        }

        var paragraphs = _doc.Paragraphs;
        if (cuePara == para - 1 && cueSentence == paragraphs[cuePara].EndSentence - 1 && sFirst == paragraphs[para].FirstSentence)
        {
            return 3;
        }

        if (cuePara == sentences[sLast].Paragraph + 1 && cueSentence == paragraphs[cuePara].FirstSentence && sLast == paragraphs[sentences[sLast].Paragraph].EndSentence - 1)
        {
            return 4;
        }

        return -1;
    }

    private static void Insert(Span<int> chosen, Span<int> regions, Span<int> distances, ref int n, int cue, int region, int dist)
    {
        int pos = n;
        while (pos > 0 && distances[pos - 1] > dist)
        {
            pos--;
        }

        if (pos >= chosen.Length)
        {
            return;
        }

        int last = Math.Min(n, chosen.Length - 1);
        for (int k = last; k > pos; k--)
        {
            chosen[k] = chosen[k - 1];
            regions[k] = regions[k - 1];
            distances[k] = distances[k - 1];
        }

        chosen[pos] = cue;
        regions[pos] = region;
        distances[pos] = dist;
        n = Math.Min(n + 1, chosen.Length);
    }

    private void AddCueCandidates(int qi, int ci, int region, int rank, List<Candidate> candidates, List<float> features)
    {
        var cue = _cues[ci];
        var tokens = _doc.Tokens;
        Span<(int S, int E, SourceVariant V)> spans = stackalloc (int, int, SourceVariant)[16];
        int n = 0;

        // Left of the cue: "X said", "X, a spokesman, said", "he also said".
        int e = cue.FirstToken;
        while (e > 0 && !_quoted[e - 1] && tokens[e - 1].Kind == TokenKind.Word && IsSkippable(e - 1))
        {
            e--;
        }

        var sentence = _doc.Sentences[_cueSentences[ci]];
        int sentenceStart = sentence.FirstToken;
        if (e > sentenceStart && !_quoted[e - 1])
        {
            bool trailingComma = IsPunct(e - 1, ',');
            int end = trailingComma ? e - 1 : e;
            int s = end;
            while (s > sentenceStart && end - s < MaxSegmentTokens && !IsBoundary(s - 1))
            {
                s--;
            }

            while (s < end && tokens[s].Kind is TokenKind.Punctuation && !IsPunct(s, '('))
            {
                s++;
            }

            if (s < end)
            {
                Add(spans, ref n, s, end, SourceVariant.LeftSegment);
                if (trailingComma)
                {
                    Add(spans, ref n, s, end + 1, SourceVariant.LeftSegmentWithComma);
                }

                int lastComma = -1;
                for (int t = end - 1; t > s; t--)
                {
                    if (IsPunct(t, ','))
                    {
                        lastComma = t;
                        break;
                    }
                }

                if (lastComma > 0 && lastComma + 1 < end)
                {
                    Add(spans, ref n, lastComma + 1, end, SourceVariant.LeftAfterComma);
                }

                int chunk = end;
                while (chunk > s && IsChunkToken(chunk - 1))
                {
                    chunk--;
                }

                if (chunk < end)
                {
                    Add(spans, ref n, chunk, end, SourceVariant.LeftChunk);
                }
            }
        }

        // The subject of the cue's sentence: "He rallied support by mentioning ...", "At the summit, he stated".
        int subjStart = SubjectStart(sentenceStart, cue.FirstToken);
        if (subjStart >= 0)
        {
            int subjEnd = subjStart;
            while (subjEnd < cue.FirstToken && IsChunkToken(subjEnd) && !(subjEnd > subjStart && IsPunct(subjEnd, ',')))
            {
                subjEnd++;
            }

            if (subjEnd > subjStart)
            {
                Add(spans, ref n, subjStart, subjEnd, SourceVariant.Subject);
            }
        }

        // Right of the cue: "said X", "according to X", "said he".
        int r = cue.EndToken;
        if (r < tokens.Length && !_quoted[r] && tokens[r].Kind != TokenKind.QuoteMark && !IsPunct(r, ':') && !IsPunct(r, ','))
        {
            int stop = r;
            int sentenceEnd = sentence.EndToken;
            while (stop < sentenceEnd && stop - r < MaxSegmentTokens && !_quoted[stop] && !IsRightBoundary(stop))
            {
                stop++;
            }

            int segEnd = stop;
            while (segEnd > r && tokens[segEnd - 1].Kind == TokenKind.Punctuation && !IsPunct(segEnd - 1, ')') && !IsPunct(segEnd - 1, ','))
            {
                segEnd--;
            }

            // "According to X, ..." never runs past the comma that ends X.
            if (cue.Class == CueClass.According)
            {
                for (int t = r; t < segEnd; t++)
                {
                    if (IsPunct(t, ','))
                    {
                        segEnd = t;
                        break;
                    }
                }
            }

            if (segEnd > r)
            {
                Add(spans, ref n, r, segEnd, SourceVariant.RightSegment);
                int commas = 0;
                for (int t = r; t < segEnd; t++)
                {
                    if (IsPunct(t, ','))
                    {
                        commas++;
                        if (commas == 1)
                        {
                            Add(spans, ref n, r, t, SourceVariant.RightToComma);
                            Add(spans, ref n, r, t + 1, SourceVariant.RightToCommaInclusive);
                        }
                        else if (commas == 2)
                        {
                            Add(spans, ref n, r, t, SourceVariant.RightToSecondComma);
                            Add(spans, ref n, r, t + 1, SourceVariant.RightToSecondCommaInclusive);
                        }
                    }
                    else if (t > r + 1 && tokens[t].Kind == TokenKind.Word && Is(t, WordClass.Trailing) && !tokens[t].Has(TokenFlags.Capitalized))
                    {
                        Add(spans, ref n, r, TrimPunctEnd(r, t), SourceVariant.RightToPreposition);
                        break;
                    }
                }

                int chunkEnd = r;
                while (chunkEnd < segEnd && IsChunkToken(chunkEnd) && !IsPunct(chunkEnd, ','))
                {
                    chunkEnd++;
                }

                if (chunkEnd > r)
                {
                    Add(spans, ref n, r, chunkEnd, SourceVariant.RightChunk);
                }
            }
        }

        var gap = GapBetween(_quotes[qi], cue);
        for (int k = 0; k < n; k++)
        {
            var (s, en, v) = spans[k];
            if (en <= s || (en - s == 1 && Is(s, WordClass.Determiner)))
            {
                continue; // empty, or a bare "the"/"a": never a source
            }

            var candidate = new Candidate
            {
                Cue = ci,
                MentionFirstToken = s,
                MentionEndToken = en,
                MentionStart = tokens[s].Start,
                MentionEnd = tokens[en - 1].End,
                Variant = v,
                FeatureOffset = features.Count,
            };
            candidates.Add(candidate);
            Featurize(qi, candidate, gap, region, rank, features);
        }

    }

    private int TrimPunctEnd(int s, int e)
    {
        while (e > s && _doc.Tokens[e - 1].Kind == TokenKind.Punctuation)
        {
            e--;
        }

        return e;
    }

    private static void Add(Span<(int, int, SourceVariant)> spans, ref int n, int s, int e, SourceVariant v)
    {
        if (e <= s || n >= spans.Length)
        {
            return;
        }

        for (int k = 0; k < n; k++)
        {
            if (spans[k].Item1 == s && spans[k].Item2 == e)
            {
                return;
            }
        }

        spans[n++] = (s, e, v);
    }

    private int SubjectStart(int sentenceStart, int cueToken)
    {
        var tokens = _doc.Tokens;
        int s = sentenceStart;
        if (s >= cueToken || _quoted[s])
        {
            return -1;
        }

        // Skip a leading adverbial ("At the summit, ...", "Further elaborating on X, ...") up to its comma.
        if (tokens[s].Kind == TokenKind.Word && Is(s, WordClass.Opener))
        {
            int limit = Math.Min(cueToken, s + 20);
            int comma = -1;
            for (int t = s + 1; t < limit; t++)
            {
                if (_quoted[t])
                {
                    return -1;
                }

                if (IsPunct(t, ','))
                {
                    comma = t;
                    break;
                }
            }

            if (comma < 0)
            {
                return -1;
            }

            s = comma + 1;
        }

        return s < cueToken && !_quoted[s] ? s : -1;
    }

    [Flags]
    private enum WordClass : ushort
    {
        Determiner = 1,
        Pronoun = 2,
        Relative = 4,
        Preposition = 8,
        Time = 16,
        Skip = 32,
        Opener = 64,
        Trailing = 128,

        // Not word lists: what the features and span cutting ask of every token, kept with the classes so that a
        // mention's tokens (read again for each candidate of a cue) cost one array load each.
        Capitalized = 0x100,  // TokenFlags.Capitalized
        LowerWord = 0x200,    // a word, not capitalised, not a determiner
        Comma = 0x400,
        OpenParen = 0x800,
        QuoteMark = 0x1000,
        Chunk = 0x2000,       // IsChunkToken
        Computed = 0x8000,
    }

    /// <summary>The lexicon classes and token tests of token <paramref name="t"/>, found once per document and token.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private WordClass ClassOf(int t)
    {
        var c = (WordClass)_classes[t];
        return c != 0 ? c : ComputeClass(t);
    }

    private WordClass ComputeClass(int t)
    {
        var c = WordClass.Computed;
        var token = _doc.Tokens[t];
        if (token.Kind == TokenKind.Word && token.Length <= 12 && ClassLookup.TryGetValue(_doc.GetText(token), out var known))
        {
            c |= known;
        }

        if (token.Has(TokenFlags.Capitalized))
        {
            c |= WordClass.Capitalized;
        }
        else if (token.Kind == TokenKind.Word && (c & WordClass.Determiner) == 0)
        {
            c |= WordClass.LowerWord;
        }

        if (token.Kind == TokenKind.Punctuation && token.Length == 1)
        {
            char ch = _doc.Text[token.Start];
            c |= ch == ',' ? WordClass.Comma : ch == '(' ? WordClass.OpenParen : 0;
        }

        if (token.Kind == TokenKind.QuoteMark)
        {
            c |= WordClass.QuoteMark;
        }

        if (IsChunkToken(t, token, c))
        {
            c |= WordClass.Chunk;
        }

        _classes[t] = (ushort)c;
        return c;
    }

    private bool Is(int t, WordClass wordClass) => (ClassOf(t) & wordClass) != 0;

    private static WordIndex<WordClass> BuildClassTable()
    {
        var table = new WordIndex<WordClass>(ignoreCase: true);
        void Add(WordClass c, params string[] words)
        {
            foreach (var w in words)
            {
                table.TryGetValue(w, out var classes);
                table[w] = classes | c;
            }
        }

        Add(WordClass.Determiner, "the", "a", "an", "another", "this", "that", "these", "those", "one", "some", "many", "several", "two", "three", "his", "her", "their", "its", "our", "my", "your");
        Add(WordClass.Pronoun, "he", "she", "they", "i", "we", "it", "you", "him", "her", "them");
        Add(WordClass.Relative, "who", "which", "whose", "whom");
        Add(WordClass.Preposition, "of", "for", "at", "in", "from", "with", "on", "to", "by");
        Add(
            WordClass.Time,
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon",
            "evening", "night", "week", "month", "year", "earlier", "later", "recently", "last", "then", "afterward", "weekend");
        Add(
            WordClass.Skip,
            "also", "later", "then", "has", "had", "have", "will", "would", "previously", "recently", "once", "never", "not", "did", "does", "do",
            "is", "was", "were", "are", "repeatedly", "again", "further", "just", "still", "even", "could", "might", "may", "should", "can",
            "reportedly", "subsequently", "simply", "often", "frequently", "already", "first", "publicly", "privately", "quickly", "immediately",
            "went", "go", "goes", "on", "to", "been", "being", "n't", "not");
        Add(
            WordClass.Opener,
            "in", "at", "on", "during", "after", "before", "further", "additionally", "however", "meanwhile", "later", "earlier", "speaking", "when", "while",
            "as", "asked", "also", "but", "and", "so", "still", "yet", "then", "now", "today", "yesterday", "for", "with", "without", "since", "although",
            "though", "moreover", "instead", "elsewhere", "afterward", "afterwards", "last", "this", "separately", "similarly", "again", "once", "by", "from",
            "writing", "addressing", "responding", "echoing", "referring", "following", "under", "despite", "if", "unlike", "like", "among", "within", "over");
        Add(
            WordClass.Trailing,
            "in", "at", "during", "on", "after", "before", "when", "while", "to", "from", "via", "through", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "yesterday", "today", "tonight", "last", "this", "earlier", "later", "recently", "according", "about", "of", "that");
        return table;
    }

    private bool IsSkippable(int t)
    {
        var text = _doc.GetText(_doc.Tokens[t]);
        if (Is(t, WordClass.Skip))
        {
            return true;
        }

        // -ly adverbs: "passionately stated", "flatly denied".
        return text.Length > 4 && text.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(text[0]);
    }

    private bool IsBoundary(int t)
    {
        var token = _doc.Tokens[t];
        if (_quoted[t] || token.Kind == TokenKind.QuoteMark)
        {
            return true;
        }

        if (token.Kind == TokenKind.Punctuation)
        {
            // A period inside a sentence belongs to an abbreviation ("(D-Wis.)"); only a sentence end bounds a segment.
            var c = _doc.Text[token.Start];
            return c is ':' or ';' or '\u2014' or '\u2013' or '\u2015' || (c is '.' or '!' or '?' && token.Has(TokenFlags.SentenceEnd));
        }

        return false;
    }

    private bool IsRightBoundary(int t)
    {
        var token = _doc.Tokens[t];
        if (token.Kind == TokenKind.QuoteMark)
        {
            return true;
        }

        if (token.Kind == TokenKind.Punctuation)
        {
            var c = _doc.Text[token.Start];
            return c is ':' or ';' or '\u2014' || (c is '.' or '!' or '?' && token.Has(TokenFlags.SentenceEnd));
        }

        return false;
    }

    private bool IsPunct(int t, char c)
    {
        var token = _doc.Tokens[t];
        return token.Kind == TokenKind.Punctuation && token.Length == 1 && _doc.Text[token.Start] == c;
    }

    /// <summary>Tokens that can belong to a name or noun chunk: capitalised words, initials, titles, determiners, 's, brackets.</summary>
    private bool IsChunkToken(int t) => (ClassOf(t) & WordClass.Chunk) != 0;

    /// <summary><see cref="IsChunkToken(int)"/> from the token and its word-list classes.</summary>
    private bool IsChunkToken(int t, Token token, WordClass classes)
    {
        if (_quoted[t])
        {
            return false;
        }

        var text = _doc.GetText(token);
        if (token.Has(TokenFlags.Capitalized) || token.Has(TokenFlags.AllCaps) || token.Has(TokenFlags.Initial) || token.Has(TokenFlags.Abbreviation))
        {
            return (classes & WordClass.Opener) == 0 || !token.Has(TokenFlags.SentenceStart);
        }

        if (token.Has(TokenFlags.Clitic))
        {
            return text is "'s" or "’s" or "'" or "’";
        }

        if (token.Kind == TokenKind.Word)
        {
            return (classes & (WordClass.Determiner | WordClass.Pronoun)) != 0;
        }

        if (token.Kind == TokenKind.Number)
        {
            return true;
        }

        return token.Kind == TokenKind.Punctuation && token.Length == 1 && _doc.Text[token.Start] is '(' or ')' or '-' or '.' or '&';
    }

    /// <summary>The tokens between a quotation and a cue, shared by all the candidates of the cue.</summary>
    private readonly record struct Gap(int Start, int End, int Words, int CuesBetween, int QuotesBetween);

    private Gap GapBetween(QuoteSlot q, CueMatch cue)
    {
        var tokens = _doc.Tokens;
        bool cueBefore = cue.EndToken <= q.FirstToken;
        int gapStart = cueBefore ? cue.EndToken : q.EndToken;
        int gapEnd = cueBefore ? q.FirstToken : cue.FirstToken;
        int gapWords = 0;
        for (int t = gapStart; t < gapEnd && t < tokens.Length; t++)
        {
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                gapWords++;
            }
        }

        return new Gap(gapStart, gapEnd, gapWords, CountIn(_cueStarts, gapStart, gapEnd), CountIn(_quoteStarts, gapStart, gapEnd));
    }

    private void Featurize(int qi, Candidate c, in Gap gap, int region, int rank, List<float> f)
    {
        var q = _quotes[qi];
        var cue = _cues[c.Cue];
        var tokens = _doc.Tokens;
        bool cueBefore = cue.EndToken <= q.FirstToken;
        bool cueAfter = cue.FirstToken >= q.EndToken;
        int gapWords = gap.Words;
        bool mentionInGap = c.MentionFirstToken >= gap.Start && c.MentionEndToken <= gap.End;
        int cuesBetween = gap.CuesBetween;
        int quotesBetween = gap.QuotesBetween;
        int sentenceQuotes = _sentenceQuotes[qi];

        int mTokens = c.MentionEndToken - c.MentionFirstToken;
        int caps = 0, lower = 0, commas = 0;
        WordClass any = 0;
        for (int t = c.MentionFirstToken; t < c.MentionEndToken; t++)
        {
            var wc = ClassOf(t);
            caps += (wc & WordClass.Capitalized) != 0 ? 1 : 0;
            lower += (wc & WordClass.LowerWord) != 0 ? 1 : 0;
            commas += (wc & WordClass.Comma) != 0 ? 1 : 0;
            any |= wc;
        }

        bool hasRel = (any & WordClass.Relative) != 0;
        bool hasPrep = (any & WordClass.Preposition) != 0;
        bool hasParen = (any & WordClass.OpenParen) != 0;
        bool hasQuote = (any & WordClass.QuoteMark) != 0;
        bool hasTime = (any & WordClass.Time) != 0;
        bool hasCue = CountIn(_cueStarts, c.MentionFirstToken, c.MentionEndToken) > 0;

        var firstTok = tokens[c.MentionFirstToken];
        var firstText = _doc.GetText(firstTok);
        var lastTok = tokens[c.MentionEndToken - 1];
        int side = c.MentionEndToken <= cue.FirstToken ? 0 : 1;
        int mentionCueGap = side == 0 ? cue.FirstToken - c.MentionEndToken : c.MentionFirstToken - cue.EndToken;
        var (startsParagraph, endsParagraph) = _paragraphEdges[qi];
        bool cueColon = cue.EndToken < tokens.Length && IsPunct(cue.EndToken, ':');
        bool cueComma = cue.EndToken < tokens.Length && IsPunct(cue.EndToken, ',');
        bool cuePrecededByComma = cue.FirstToken > 0 && IsPunct(cue.FirstToken - 1, ',');
        bool mentionSentenceStart = firstTok.Has(TokenFlags.SentenceStart) || (c.MentionFirstToken > 0 && tokens[c.MentionFirstToken - 1].Has(TokenFlags.SentenceStart) && tokens[c.MentionFirstToken - 1].Kind == TokenKind.Punctuation);
        bool firstIsPronoun = Is(c.MentionFirstToken, WordClass.Pronoun);
        int mentionKind = firstIsPronoun && mTokens == 1 ? 0 : caps >= 2 && lower == 0 ? 1 : caps >= 1 ? 2 : 3;

        // The row is written in place: 46 List.Add calls per candidate cost more than the features themselves.
        int offset = f.Count;
        CollectionsMarshal.SetCount(f, offset + FeatureNames.Length);
        var row = CollectionsMarshal.AsSpan(f).Slice(offset, FeatureNames.Length);
        row[0] = region;                                      // 0
        row[1] = cueBefore ? 1 : 0;                           // 1
        row[2] = cueAfter ? 1 : 0;                            // 2
        row[3] = gapWords;                                    // 3
        row[4] = Math.Min(2000, Math.Abs((cueBefore ? q.Start - cue.End : cue.Start - q.End))); // 4
        row[5] = gapWords == 0 ? 1 : 0;                       // 5 punctuation-only gap
        row[6] = mentionInGap ? 1 : 0;                        // 6
        row[7] = gapWords - (mentionInGap ? mTokens : 0);     // 7 words in the gap besides the mention
        row[8] = (float)cue.Class;                            // 8
        row[9] = Math.Min(cue.LemmaRank, 300);                // 9
        row[10] = cue.Form;                                   // 10
        row[11] = cuesBetween;                                // 11
        row[12] = quotesBetween;                              // 12
        row[13] = side;                                       // 13
        row[14] = (float)c.Variant;                           // 14
        row[15] = mTokens;                                    // 15
        row[16] = c.MentionEnd - c.MentionStart;              // 16
        row[17] = commas;                                     // 17
        row[18] = IsPunct(c.MentionEndToken - 1, ',') ? 1 : 0; // 18
        row[19] = Is(c.MentionFirstToken, WordClass.Determiner) ? 1 : 0; // 19
        row[20] = firstText.Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0; // 20
        row[21] = firstTok.Has(TokenFlags.Capitalized) ? 1 : 0; // 21
        row[22] = firstIsPronoun && mTokens == 1 ? 1 : 0;     // 22
        row[23] = caps;                                       // 23
        row[24] = hasRel ? 1 : 0;                             // 24
        row[25] = hasPrep ? 1 : 0;                            // 25
        row[26] = hasParen ? 1 : 0;                           // 26
        row[27] = mentionCueGap;                              // 27
        row[28] = lastTok.Has(TokenFlags.Capitalized) ? 1 : 0; // 28
        row[29] = lower;                                      // 29
        row[30] = q.Partial ? 1 : 0;                          // 30
        row[31] = Math.Min(200, q.EndToken - q.FirstToken);   // 31
        row[32] = startsParagraph ? 1 : 0;                    // 32
        row[33] = endsParagraph ? 1 : 0;                      // 33
        row[34] = q.ContinuesPrevious ? 1 : 0;                // 34
        row[35] = sentenceQuotes;                             // 35
        row[36] = cueColon ? 1 : 0;                           // 36
        row[37] = cueComma ? 1 : 0;                           // 37
        row[38] = cuePrecededByComma ? 1 : 0;                 // 38
        row[39] = mentionSentenceStart ? 1 : 0;               // 39
        row[40] = mentionKind;                                // 40
        row[41] = rank;                                       // 41
        row[42] = hasQuote ? 1 : 0;                           // 42
        row[43] = hasCue ? 1 : 0;                             // 43
        row[44] = hasTime ? 1 : 0;                            // 44
        row[45] = lastTok.Kind == TokenKind.Punctuation ? 1 : 0; // 45
    }

    /// <summary>The names of the feature columns, in order (part of the model manifest).</summary>
    public static readonly string[] FeatureNames =
    [
        "region", "cueBefore", "cueAfter", "gapWords", "gapChars", "gapPunctuationOnly", "mentionInGap", "gapWordsBesidesMention",
        "cueClass", "cueLemmaRank", "cueForm", "cuesBetween", "quotesBetween", "side", "variant", "mentionTokens", "mentionChars",
        "mentionCommas", "mentionEndsWithComma", "mentionStartsDeterminer", "mentionStartsThe", "mentionStartsCapital", "mentionIsPronoun",
        "mentionCapitalised", "mentionHasRelative", "mentionHasPreposition", "mentionHasParenthesis", "mentionCueGap", "mentionEndsCapital",
        "mentionLowercaseWords", "quotePartial", "quoteTokens", "quoteStartsParagraph", "quoteEndsParagraph", "quoteContinues",
        "sentenceQuotes", "cueColon", "cueComma", "cueAfterComma", "mentionSentenceStart", "mentionKind", "cueRank", "mentionHasQuote",
        "mentionHasCue", "mentionHasTimeWord", "mentionEndsPunctuation",
    ];
}
