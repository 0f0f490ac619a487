using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>Scores how check-worthy a token range is (0..1). The seam between claim detection and the check-worthiness model.</summary>
internal interface IClaimScorer
{
    /// <summary>The score of the tokens <c>[firstToken, endToken)</c> of <paramref name="document"/>.</summary>
    double Score(TextDocument document, int firstToken, int endToken);
}

/// <summary>A fallback scorer from the claim's own evidence, used when no model is available.</summary>
internal sealed class CueClaimScorer : IClaimScorer
{
    public static CueClaimScorer Instance { get; } = new();

    public double Score(TextDocument document, int firstToken, int endToken)
    {
        double score = 0.3;
        var tokens = document.Tokens;
        for (int t = firstToken; t < endToken; t++)
        {
            if (tokens[t].Kind == TokenKind.Number)
            {
                score += 0.35;
                break;
            }
        }

        for (int t = firstToken; t < endToken; t++)
        {
            if (document.GetText(tokens[t]).Contains('?'))
            {
                score -= 0.2;
                break;
            }
        }

        return Math.Clamp(score, 0, 1);
    }
}

/// <summary>
/// Finds the claims of a document: sentences, or pieces of sentences inside quotations, split at semicolons, that carry a
/// quantity, a claim cue (prediction, commitment, rule, causation, comparison, change, ranking) or, inside a quotation,
/// a checkable statement of fact. Cheap by design: one vectorised cue scan and one quantity scan per document, then
/// per-sentence work only on candidates.
/// </summary>
public static class ClaimDetector
{
    private static readonly WordIndex<string> TimeUnits = new(ignoreCase: true)
    {
        ["year"] = "year", ["month"] = "month", ["week"] = "week", ["quarter"] = "quarter", ["decade"] = "decade", ["century"] = "century",
        ["summer"] = "summer", ["winter"] = "winter", ["spring"] = "spring", ["autumn"] = "autumn", ["weekend"] = "weekend",
        ["season"] = "season", ["financial"] = "year", ["fiscal"] = "year",
    };

    private static readonly WordIndex<string> TimeDeictics = new(ignoreCase: true)
    {
        ["this"] = "current", ["last"] = "previous", ["next"] = "next", ["past"] = "previous", ["previous"] = "previous", ["coming"] = "next",
    };

    private static readonly WordIndex YearPrepositions = new(ignoreCase: true,
        "in", "since", "by", "during", "until", "from", "for", "before", "after", "of");

    private static readonly WordIndex Actors = new(ignoreCase: true,
        "i", "we", "he", "she", "they", "government", "ministers", "minister", "council", "company", "party", "administration", "police",
        "department", "ministry", "firm", "authorities", "officials", "president", "chancellor", "secretary", "labour", "tories");

    private static readonly WordIndex OpinionStarts = new(ignoreCase: true,
        "i", "you", "we", "you're", "i'm", "we're", "i've", "thank", "thanks", "please", "nobody", "everybody", "let");

    [ThreadStatic] private static List<ClaimCues.Hit>? s_hits;

    /// <summary>The minimum check-worthiness for a quoted sentence without any cue or quantity to count as a factual claim.</summary>
    public const double FactualThreshold = 0.5;

    /// <summary>Finds the claims of a document with no quotations known (every claim is asserted by a source or the reporter).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The claims in text order.</returns>
    public static IReadOnlyList<Claim> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(TextDocument.Analyze(text), [], DefaultScorer());
    }

    /// <summary>The check-worthiness of a whole text (one sentence, say) with the default model, or the cue fallback when none is embedded.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A score from 0 to 1.</returns>
    public static double CheckWorthiness(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = TextDocument.Analyze(text);
        return UnitScore(doc, DefaultScorer());
    }

    /// <summary>The check-worthiness of all of an analysed document's tokens, rounded as claims report theirs.</summary>
    internal static double UnitScore(TextDocument doc, IClaimScorer scorer) =>
        Math.Round(Math.Clamp(scorer.Score(doc, 0, doc.Tokens.Length), 0, 1), 3);

    /// <summary>The scorer of the default check-worthiness model, or the cue fallback.</summary>
    internal static IClaimScorer DefaultScorer() => CheckWorthinessModel.Default is { } m ? m : CueClaimScorer.Instance;

    /// <summary>Finds the claims of an analysed document whose quotations (with speakers) are known.</summary>
    internal static IReadOnlyList<Claim> Detect(TextDocument doc, IReadOnlyList<Quotation> quotes, IClaimScorer scorer, IReadOnlyList<DocumentEntity>? entities = null) =>
        Detect(doc, quotes, scorer, entities, out _);

    /// <summary>Finds the claims of an analysed document and hands back every quantity parsed on the way (each kind).</summary>
    internal static IReadOnlyList<Claim> Detect(
        TextDocument doc, IReadOnlyList<Quotation> quotes, IClaimScorer scorer, IReadOnlyList<DocumentEntity>? entities, out IReadOnlyList<Quantity> parsed)
    {
        var text = doc.Text;
        parsed = [];
        if (doc.Sentences.Length == 0)
        {
            return [];
        }

        var hits = s_hits ??= [];
        hits.Clear();
        ClaimCues.Scan(doc, hits);
        // The quantities as a span: read many times per clause, through the list interface each read was a dispatch.
        parsed = QuantityParser.Parse(text);
        ReadOnlySpan<Quantity> quantities = parsed switch
        {
            List<Quantity> list => CollectionsMarshal.AsSpan(list),
            Quantity[] array => array,
            _ => [.. parsed],
        };
        var run = new Run(doc, hits, quantities, scorer, entities ?? []);
        int quoteIndex = 0;
        var sentences = doc.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            run.Sentence = sentence;
            run.SentenceSourceDone = false;

            // Cut the sentence into pieces at the inner bounds of direct quotations.
            int cur = sentence.Start;
            while (quoteIndex < quotes.Count && quotes[quoteIndex].InnerEnd <= sentence.Start)
            {
                quoteIndex++;
            }

            for (int k = quoteIndex; k < quotes.Count && quotes[k].InnerStart < sentence.End; k++)
            {
                var q = quotes[k];
                if (q.Depth != 0 || q.Kind != QuotationKind.Direct || q.InnerEnd <= sentence.Start)
                {
                    continue;
                }

                int qa = Math.Max(cur, q.InnerStart), qb = Math.Min(sentence.End, q.InnerEnd);
                if (qb <= qa)
                {
                    continue;
                }

                if (qa > cur)
                {
                    Clauses(ref run, cur, qa, null);
                }

                Clauses(ref run, qa, qb, q);
                cur = qb;
            }

            if (cur < sentence.End)
            {
                Clauses(ref run, cur, sentence.End, null);
            }
        }

        return run.Claims is null ? [] : run.Claims;
    }

    /// <summary>The state of one pass over a document: its cues and quantities with cursors, the current sentence and the claims so far.</summary>
    private ref struct Run(TextDocument doc, List<ClaimCues.Hit> hits, ReadOnlySpan<Quantity> quantities, IClaimScorer scorer, IReadOnlyList<DocumentEntity> entities)
    {
        public readonly TextDocument Doc = doc;
        public readonly IReadOnlyList<DocumentEntity> Entities = entities;
        public readonly List<ClaimCues.Hit> Hits = hits;
        public readonly ReadOnlySpan<Quantity> Quantities = quantities;
        public readonly IClaimScorer Scorer = scorer;
        public int Hit;
        public int Quantity;

        // Every token before this one ends at or before the start of the next piece (pieces come in text order).
        public int Token;
        public SentenceSpan Sentence;
        public List<Claim>? Claims;

        // The data source the current sentence credits, found once per sentence on first need.
        public bool SentenceSourceDone;
        private ClaimAsserter? _sentenceSource;

        public ClaimAsserter SentenceAsserter()
        {
            if (!SentenceSourceDone)
            {
                _sentenceSource = Source(Doc, Sentence, Hits) ?? ReportedSpeaker(Doc, Sentence, Entities);
                SentenceSourceDone = true;
            }

            return _sentenceSource ?? ClaimAsserter.Reporter;
        }
    }

    // Splits a piece at semicolons and handles each clause.
    private static void Clauses(ref Run run, int start, int end, Quotation? quote)
    {
        var text = run.Doc.Text;
        int from = start;
        while (from < end)
        {
            var semi = text.AsSpan(from, end - from).IndexOf(';');
            int to = semi < 0 ? end : from + semi + 1;
            Piece(ref run, from, to, quote);
            from = to;
        }
    }

    private static void Piece(ref Run run, int start, int end, Quotation? quote)
    {
        var doc = run.Doc;
        var text = doc.Text;
        var quantities = run.Quantities;
        var hits = run.Hits;
        ref int qi = ref run.Quantity;
        ref int hi = ref run.Hit;

        // Trim spaces, quote marks and leading/trailing commas and dashes; keep the final stop.
        while (start < end && IsTrim(text[start]))
        {
            start++;
        }

        while (end > start && (IsTrim(text[end - 1]) || text[end - 1] is ';'))
        {
            end--;
        }

        // Quantities and cues in the piece (both lists are in text order; pieces come in text order).
        while (qi < quantities.Length && quantities[qi].Start < start)
        {
            qi++;
        }

        while (hi < hits.Count && hits[hi].Start < start)
        {
            hi++;
        }

        int qEnd = qi;
        bool anyQuantity = false;
        while (qEnd < quantities.Length && quantities[qEnd].Start < end)
        {
            anyQuantity |= IsClaimQuantity(quantities[qEnd]);
            qEnd++;
        }

        int hEnd = hi;
        var cues = ClaimCue.None;
        while (hEnd < hits.Count && hits[hEnd].Start < end)
        {
            if (!InsideQuantity(quantities, qi, qEnd, hits[hEnd].Start))
            {
                cues |= hits[hEnd].Cue;
            }

            hEnd++;
        }

        if (end - start < 12 || (!anyQuantity && (cues & ClaimCue.Claiming) == 0 && quote is null))
        {
            return;
        }

        // The piece's tokens by a cursor moving forward from the sentence's first token: a candidate spans a few dozen
        // tokens at most past the last one, where two binary searches over the document's tokens cost more.
        var tokens = doc.Tokens;
        // (Pieces out of text order, which the extractor never passes, fall back to the search.)
        int from = Math.Max(run.Token, run.Sentence.FirstToken);
        int firstToken = from > 0 && tokens[from - 1].End > start ? doc.TokenIndexAt(start) : TokenAfter(tokens, from, start);
        int endToken = TokenAfter(tokens, firstToken, end);
        run.Token = endToken;
        int words = 0;
        for (int t = firstToken; t < endToken && words < 4; t++)
        {
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }

        if (words < 4 || text[end - 1] == '?')
        {
            return;
        }

        double score = -1;
        string? type = null;
        ClaimComparison? comparison = null;
        // The piece's own quantities in an array of their number: no list and spare capacity per candidate piece.
        int ownCount = 0;
        for (int k = qi; k < qEnd; k++)
        {
            if (quantities[k].IsQuantity && quantities[k].End <= end)
            {
                ownCount++;
            }
        }

        Quantity[]? own = null;
        if (ownCount > 0)
        {
            own = new Quantity[ownCount];
            ownCount = 0;
            for (int k = qi; k < qEnd; k++)
            {
                if (quantities[k].IsQuantity && quantities[k].End <= end)
                {
                    own[ownCount++] = quantities[k];
                }
            }
        }

        comparison = Compare(text, own, hits, hi, hEnd, quantities, qi, qEnd, end);
        if (comparison is not null)
        {
            type = comparison.Reference is not null ? ClaimType.Comparison : ClaimType.Change;
        }
        else if ((cues & ClaimCue.Ranking) != 0)
        {
            type = ClaimType.Ranking;
        }
        else if (own is not null)
        {
            type = ClaimType.Statistic;
        }
        else if ((cues & ClaimCue.Causation) != 0)
        {
            type = ClaimType.Causation;
        }
        else if ((cues & ClaimCue.Commitment) != 0)
        {
            type = ClaimType.Commitment;
        }
        else if ((cues & ClaimCue.Will) != 0)
        {
            type = WillType(doc, hits, hi, hEnd);
        }
        else if ((cues & ClaimCue.Prediction) != 0)
        {
            type = ClaimType.Prediction;
        }
        else if ((cues & ClaimCue.Rule) != 0)
        {
            type = ClaimType.Rule;
        }
        else if ((cues & ClaimCue.Comparison) != 0)
        {
            type = ClaimType.Comparison;
        }
        else if (quote is not null)
        {
            // A quoted sentence without cues: a factual claim if the model finds it check-worthy or it names something
            // and is not first- or second-person talk.
            // First- or second-person talk is ruled out before the model is run.
            if (firstToken < endToken && OpinionStarts.Contains(doc.GetText(tokens[firstToken])))
            {
                return;
            }

            score = run.Scorer.Score(doc, firstToken, endToken);
            if (score < FactualThreshold && !NamesSomething(doc, firstToken, endToken))
            {
                return;
            }

            type = ClaimType.Factual;
        }

        if (type is null)
        {
            return;
        }

        if (score < 0)
        {
            score = run.Scorer.Score(doc, firstToken, endToken);
        }

        var claim = new Claim
        {
            Start = start,
            End = end,
            Text = text.Substring(start, end - start),
            Type = type,
            CheckWorthiness = Math.Round(double.IsFinite(score) ? Math.Clamp(score, 0, 1) : 0, 3),
            Quantities = own is null ? [] : own,
            Time = Time(doc, firstToken, endToken),
            Comparison = comparison,
            AssertedBy = quote is not null
                ? new ClaimAsserter(quote.Speaker?.Name ?? "unknown", ClaimAsserterKind.Speaker)
                : run.SentenceAsserter(),
        };
        (run.Claims ??= []).Add(claim);
    }

    // TextDocument.TokenIndexAt(offset) given that no token before `from` ends past the offset: the first token from
    // `from` on whose end is past it.
    private static int TokenAfter(ReadOnlySpan<Token> tokens, int from, int offset)
    {
        while (from < tokens.Length && tokens[from].End <= offset)
        {
            from++;
        }

        return from;
    }

    // A quantity that makes a sentence a claim on its own: money, a percentage, a measure, or a count of something named
    // ("6,632 migrants"); a bare number ("won 2") does not, nor does a single one of something ("one analyst said", "one
    // of the biggest investors"): a count of one is how English introduces a thing, not a statistic.
    private static bool IsClaimQuantity(Quantity q) =>
        q.IsQuantity && (q.Kind != QuantityKind.Count || (q.Unit is not null && !(q.Value == 1 && q.Low is null && q.Bound == QuantityBound.Equal)));

    private static bool IsClauseStop(string text, int i) =>
        text[i] is ';' or ':' or '(' or '\u2013' or '\u2014'
        || (text[i] is ',' or '.' && (i + 1 >= text.Length || !char.IsDigit(text[i + 1])));

    private static bool IsTrim(char c) => char.IsWhiteSpace(c) || c is '"' or '\u201C' or '\u201D' or '\'' or '\u2018' or '\u2019' or ',' or '\u2013' or '\u2014' or '-' or ':' or '\u00AB' or '\u00BB';

    // Whether a cue word belongs to a quantity: inside its text, or its bound words just before it ("more than 40").
    private static bool InsideQuantity(ReadOnlySpan<Quantity> quantities, int from, int to, int offset)
    {
        for (int k = Math.Max(0, from - 1); k < to && k < quantities.Length; k++)
        {
            var q = quantities[k];
            if (!q.IsQuantity)
            {
                continue;
            }

            if ((q.Start <= offset && offset < q.End) || (q.Bound is not (QuantityBound.Equal or QuantityBound.Approximate) && offset < q.Start && q.Start - offset <= 16))
            {
                return true;
            }
        }

        return false;
    }

    private static ClaimComparison? Compare(
        string text, Quantity[]? own, List<ClaimCues.Hit> hits, int hi, int hEnd, ReadOnlySpan<Quantity> quantities, int qi, int qEnd, int end)
    {
        string? direction = null;
        ClaimReference? reference = null;
        if (own is not null)
        {
            foreach (var q in own)
            {
                if (q.ChangeRole == QuantityChangeRole.From)
                {
                    reference ??= new ClaimReference(q.Value, q.Text);
                }

                direction ??= q.Change;
            }
        }

        int compareAt = -1;
        for (int h = hi; h < hEnd; h++)
        {
            var cue = hits[h].Cue;
            if (InsideQuantity(quantities, qi, qEnd, hits[h].Start))
            {
                continue; // "more than 40": the bound belongs to the quantity, not to a comparison
            }

            direction ??= (cue & ClaimCue.Up) != 0 ? "up" : (cue & ClaimCue.Down) != 0 ? "down" : (cue & ClaimCue.Same) != 0 ? "same" : null;

            if ((cue & ClaimCue.Comparison) != 0 && compareAt < 0)
            {
                compareAt = hits[h].End;
            }
            else if ((cue & (ClaimCue.Up | ClaimCue.Down)) != 0 && compareAt < 0)
            {
                // "an increase from the previous figure of 4,600", "up from": "from" within the clause opens the reference.
                int stop = hits[h].End;
                while (stop < end && !IsClauseStop(text, stop))
                {
                    stop++;
                }

                int f = text.AsSpan(hits[h].End, stop - hits[h].End).IndexOf(" from ", StringComparison.Ordinal);
                if (f >= 0)
                {
                    compareAt = hits[h].End + f + 6;
                }
            }
        }

        if (reference is null && compareAt >= 0)
        {
            // "than 4,600", "compared with last year": the reference runs to the next comma or stop.
            int stop = compareAt;
            while (stop < end && !IsClauseStop(text, stop))
            {
                stop++;
            }

            int a = compareAt;
            while (a < stop && char.IsWhiteSpace(text[a]))
            {
                a++;
            }

            if (stop > a)
            {
                double? value = null;
                for (int k = qi; k < qEnd; k++)
                {
                    if (quantities[k].Start >= a && quantities[k].Start < stop)
                    {
                        value = quantities[k].Value;
                        break;
                    }
                }

                reference = new ClaimReference(value, text.Substring(a, stop - a).TrimEnd());
            }
        }

        if (direction is null)
        {
            return null;
        }

        return new ClaimComparison(direction, reference);
    }

    // "X will": a commitment when X is an actor (a pronoun, a name, a government), otherwise a prediction.
    private static string WillType(TextDocument doc, List<ClaimCues.Hit> hits, int hi, int hEnd)
    {
        for (int h = hi; h < hEnd; h++)
        {
            if ((hits[h].Cue & ClaimCue.Will) == 0)
            {
                continue;
            }

            int t = hits[h].FirstToken - 1;
            if (t < 0)
            {
                break;
            }

            var token = doc.Tokens[t];
            var word = doc.GetText(token);
            if (Actors.Contains(word) || (token.Has(TokenFlags.Capitalized) && !Lexicon.SentenceStarters.Contains(word) && !word.EndsWith('s')) || token.Has(TokenFlags.AllCaps))
            {
                return ClaimType.Commitment;
            }

            break;
        }

        return ClaimType.Prediction;
    }

    private static bool NamesSomething(TextDocument doc, int first, int end)
    {
        var tokens = doc.Tokens;
        for (int t = first + 1; t < end; t++)
        {
            if (tokens[t].Kind == TokenKind.Word && tokens[t].Has(TokenFlags.Capitalized) && !tokens[t].Has(TokenFlags.SentenceStart) && doc.GetText(tokens[t]) is not "I")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first time expression in the tokens: "this year", "last month", "in 2023", "March 2023", "today".</summary>
    internal static ClaimTime? Time(TextDocument doc, int first, int end)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        for (int t = first; t < end; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Number)
            {
                if (token.Length == 4 && text[token.Start] is '1' or '2' && int.TryParse(doc.GetText(token), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100)
                {
                    if (t > first && QuantityWords.FullMonthNumber(doc.GetText(tokens[t - 1])) is var month and > 0)
                    {
                        return new ClaimTime(text[tokens[t - 1].Start..token.End], string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"));
                    }

                    int s = t > first && YearPrepositions.Contains(doc.GetText(tokens[t - 1])) ? tokens[t - 1].Start : token.Start;
                    return new ClaimTime(text[s..token.End], year.ToString(CultureInfo.InvariantCulture));
                }

                continue;
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            // Time words have few (length, first letter) shapes: this, last, next, past; today; coming; previous, tomorrow;
            // yesterday. Most tokens are rejected without a look-up.
            if (!MayBeTimeWord(token.Length, text[token.Start]))
            {
                continue;
            }

            var word = doc.GetText(token);
            if (TimeDeictics.TryGetValue(word, out var rel) && t + 1 < end && tokens[t + 1].Kind == TokenKind.Word && TimeUnits.TryGetValue(doc.GetText(tokens[t + 1]), out var unit))
            {
                int last = t + 1;
                if (doc.GetText(tokens[t + 1]) is var w && (w.Equals("financial", StringComparison.OrdinalIgnoreCase) || w.Equals("fiscal", StringComparison.OrdinalIgnoreCase)))
                {
                    if (t + 2 < end && doc.GetText(tokens[t + 2]).Equals("year", StringComparison.OrdinalIgnoreCase))
                    {
                        last = t + 2;
                    }
                    else
                    {
                        continue;
                    }
                }

                return new ClaimTime(text[token.Start..tokens[last].End], rel + "-" + unit);
            }

            if (word.Equals("today", StringComparison.OrdinalIgnoreCase) || word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) || word.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
            {
                return new ClaimTime(text[token.Start..token.End], word.ToString().ToLowerInvariant());
            }
        }

        return null;
    }

    // Per word length, a bit per first letter ('a' is bit 0) of the time words of that length. A table look-up inlined
    // into the token loop: the switch it replaces was a call per word token of every claim.
    private static ReadOnlySpan<uint> TimeWordStarts =>
    [
        0, 0, 0, 0,
        (1u << ('t' - 'a')) | (1u << ('l' - 'a')) | (1u << ('n' - 'a')) | (1u << ('p' - 'a')), // this, last, next, past
        1u << ('t' - 'a'),                                                                    // today
        1u << ('c' - 'a'),                                                                    // coming
        0,
        (1u << ('p' - 'a')) | (1u << ('t' - 'a')),                                            // previous, tomorrow
        1u << ('y' - 'a'),                                                                    // yesterday
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayBeTimeWord(int length, char first)
    {
        var starts = TimeWordStarts;
        uint letter = (uint)((first | 0x20) - 'a');
        return (uint)length < (uint)starts.Length && letter < 26 && (starts[length] & (1u << (int)letter)) != 0;
    }

    // Verbs that report what a named speaker asserts. Not EntityLexicons.SpeechVerbs: that list marks speakers next to
    // quotations, where "continued", "adds", "asked" and "responded" are speech; before a claim they mostly are not
    // ("Arsenal continued to press", "US adds more jobs": merged, about 70 more corpus claims went to such "speakers").
    // This one adds the verbs of forecasts and promises.
    private static readonly WordIndex SpeechVerbs = new(ignoreCase: false,
        "said", "says", "told", "tells", "declared", "announced", "claimed", "claims", "warned", "warns", "insisted", "insists", "argued",
        "argues", "stated", "states", "estimated", "estimates", "predicted", "predicts", "promised", "pledged", "admitted", "confirmed",
        "revealed", "explained", "noted", "stressed", "wrote", "writes", "added", "forecast", "forecasts");

    private static readonly WordIndex NameJoiners = new(ignoreCase: false, "of", "for", "and", "de", "van", "von", "al");

    /// <summary>
    /// The speaker a sentence reports, when it names one with a speech verb: "Starmer declared that ...", "The Home
    /// Office said ...", "..., Jane Smith said.", "..., said Acme Corp.". The name is the capitalised run as written, or the
    /// document's entity it is a form of ("Starmer" → "Keir Starmer"); pronouns and roles ("he said", "the minister
    /// said") are left to the reporter, as nothing here resolves them.
    /// </summary>
    internal static ClaimAsserter? ReportedSpeaker(TextDocument doc, SentenceSpan sentence, IReadOnlyList<DocumentEntity> entities)
    {
        var tokens = doc.Tokens;
        int first = sentence.FirstToken, end = sentence.EndToken;
        if (end - first < 3)
        {
            return null;
        }

        // "X said ...": a name at the start, then the verb.
        int a = first;
        if (doc.GetText(tokens[a]) is "The")
        {
            a++;
        }

        int b = NameRunEnd(doc, a, end);
        if (b > a && b < end && SpeechVerbs.Contains(doc.GetText(tokens[b])))
        {
            return Speaker(doc, a, b, entities);
        }

        // "..., X said." / "..., said X.": a name and the verb after the last comma.
        int last = end - 1;
        while (last > first && tokens[last].Kind is TokenKind.Punctuation or TokenKind.QuoteMark)
        {
            last--;
        }

        int comma = last;
        while (comma > first && last - comma < 8 && doc.GetText(tokens[comma]) is not ",")
        {
            comma--;
        }

        if (comma <= first || doc.GetText(tokens[comma]) is not "," || last - comma < 2)
        {
            return null;
        }

        int s = comma + 1;
        if (SpeechVerbs.Contains(doc.GetText(tokens[s])))
        {
            int n = s + 1 < end && doc.GetText(tokens[s + 1]) is "the" or "The" ? s + 2 : s + 1;
            int ne = NameRunEnd(doc, n, last + 1);
            return ne == last + 1 && ne > n ? Speaker(doc, n, ne, entities) : null;
        }

        if (doc.GetText(tokens[s]) is "the" or "The")
        {
            s++;
        }

        int e = NameRunEnd(doc, s, last + 1);
        return e > s && e == last && SpeechVerbs.Contains(doc.GetText(tokens[last])) ? Speaker(doc, s, e, entities) : null;
    }

    // The end of a run of capitalised words from t ("Keir Starmer", "Bank of England"); t when there is none or it starts
    // with a word that begins sentences ("It", "This", "He").
    private static int NameRunEnd(TextDocument doc, int t, int end)
    {
        var tokens = doc.Tokens;
        int a = t;
        while (t < end && tokens[t].Kind == TokenKind.Word
            && ((tokens[t].Has(TokenFlags.Capitalized) && (t > a || !Lexicon.SentenceStarters.Contains(doc.GetText(tokens[t]))))
                || (t > a && NameJoiners.Contains(doc.GetText(tokens[t])) && t + 1 < end && tokens[t + 1].Has(TokenFlags.Capitalized))))
        {
            t++;
        }

        return t - a > 6 ? a : t;
    }

    // The asserter for the name in tokens [a, b): the document's person or organisation it is a form of, else as written.
    private static ClaimAsserter Speaker(TextDocument doc, int a, int b, IReadOnlyList<DocumentEntity> entities)
    {
        var tokens = doc.Tokens;
        var name = doc.Text[tokens[a].Start..tokens[b - 1].End];
        var lastWord = doc.GetText(tokens[b - 1]);

        // Titles before a surname ("Mr Smith", "Prime Minister Starmer") leave the surname to match by.
        int n = a;
        for (int len; n < b - 1 && (len = Entities.NameScanner.MatchTitle(doc, n, b - 1, out _)) > 0;)
        {
            n += len;
        }

        foreach (var entity in entities)
        {
            if (entity.Kind is not ("person" or "organization"))
            {
                continue;
            }

            var full = entity.Name.AsSpan();
            if (full.Equals(name, StringComparison.Ordinal)
                || (b - n == 1 && full.Length > lastWord.Length && full.EndsWith(lastWord, StringComparison.Ordinal) && full[full.Length - lastWord.Length - 1] == ' '))
            {
                return new ClaimAsserter(entity.Name, ClaimAsserterKind.Speaker);
            }
        }

        return new ClaimAsserter(name, ClaimAsserterKind.Speaker);
    }

    /// <summary>The data source the sentence credits: "figures show" (figures), "ONS figures show" (ONS), "according to the ONS", "data from the Home Office", "a report by X found".</summary>
    internal static ClaimAsserter? Source(TextDocument doc, SentenceSpan sentence, List<ClaimCues.Hit> hits)
    {
        // Hits are sorted; find the first in the sentence by binary search.
        int lo = Sorted.FirstAtOrAfter(CollectionsMarshal.AsSpan(hits), sentence.Start, static h => h.Start);

        var tokens = doc.Tokens;
        for (int h = lo; h < hits.Count && hits[h].Start < sentence.End; h++)
        {
            var hit = hits[h];
            if ((hit.Cue & ClaimCue.According) != 0)
            {
                var name = NameAfter(doc, hit.EndToken, sentence.EndToken);
                if (name is not null)
                {
                    return new ClaimAsserter(name, ClaimAsserterKind.Source);
                }
            }
            else if ((hit.Cue & ClaimCue.SourceNoun) != 0)
            {
                int t = hit.FirstToken;
                if (t + 1 >= sentence.EndToken)
                {
                    continue;
                }

                var next = doc.GetText(tokens[t + 1]);
                bool reporting = ClaimCues.ReportingVerbs.Contains(next);
                bool prep = next is "from" or "by";
                if (!reporting && !prep)
                {
                    // "a report by the NAO published on Monday found": look a few tokens on for the verb.
                    continue;
                }

                if (prep)
                {
                    var after = NameAfter(doc, t + 2, sentence.EndToken);
                    if (after is not null)
                    {
                        return new ClaimAsserter(after, ClaimAsserterKind.Source);
                    }
                }

                // "Home Office figures show": the capitalised run before the noun names the source.
                int b = t;
                while (b > sentence.FirstToken && tokens[b - 1].Kind == TokenKind.Word && tokens[b - 1].Has(TokenFlags.Capitalized) && !Lexicon.SentenceStarters.Contains(doc.GetText(tokens[b - 1])))
                {
                    b--;
                }

                var source = b < t ? doc.Text[tokens[b].Start..tokens[t - 1].End] : doc.GetText(tokens[t]).ToString().ToLowerInvariant();
                return new ClaimAsserter(source, ClaimAsserterKind.Source);
            }
        }

        return null;
    }

    // A name after "according to" / "from" / "by": the capitalised run (skipping "the"), else up to four lower-case words.
    private static string? NameAfter(TextDocument doc, int t, int end)
    {
        var tokens = doc.Tokens;
        if (t < end && doc.GetText(tokens[t]).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            t++;
        }

        int a = t;
        while (t < end && tokens[t].Kind == TokenKind.Word
            && (tokens[t].Has(TokenFlags.Capitalized) || (t > a && doc.GetText(tokens[t]) is "of" or "for" && t + 1 < end && tokens[t + 1].Has(TokenFlags.Capitalized))))
        {
            t++;
        }

        if (t > a)
        {
            return doc.Text[tokens[a].Start..tokens[t - 1].End];
        }

        while (t < end && t - a < 4 && tokens[t].Kind == TokenKind.Word)
        {
            t++;
        }

        return t > a ? doc.Text[tokens[a].Start..tokens[t - 1].End] : null;
    }
}
