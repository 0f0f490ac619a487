using System.Buffers;
using System.Diagnostics;
using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>The attribution chosen for one quotation.</summary>
/// <param name="QuoteIndex">The index of the quotation in the result list.</param>
/// <param name="Cue">The cue, or <c>null</c>.</param>
/// <param name="MentionStart">The source mention start, or -1.</param>
/// <param name="MentionEnd">The source mention end, or -1.</param>
/// <param name="Probability">The calibrated probability of the choice.</param>
/// <param name="Inherited">The speaker was carried over from the previous quotation of a run.</param>
internal readonly record struct AttributionChoice(int QuoteIndex, CueMatch? Cue, int MentionStart, int MentionEnd, double Probability, bool Inherited);

/// <summary>
/// Picks, for each speech quotation of a document, the best (cue, source mention) candidate with an
/// <see cref="AttributionModel"/>. Quotations with no candidate inherit the speaker of the quotation before them
/// when they continue it (a run of quotes in the same or the next paragraph).
/// </summary>
internal static class SpeakerAttributor
{
    /// <summary>Builds the speech-quotation slots the generator works on (top-level direct and partial quotations).</summary>
    public static List<QuoteSlot> Slots(TextDocument doc, IReadOnlyList<Quotation> quotes)
    {
        var slots = new List<QuoteSlot>(quotes.Count);
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            if (q.Depth != 0 || q.Kind is not (QuotationKind.Direct or QuotationKind.Partial))
            {
                continue;
            }

            int first = doc.TokenIndexAt(q.Start);
            int end = doc.TokenIndexAt(q.End);
            slots.Add(new QuoteSlot(i, q.Start, q.End, q.InnerStart, q.InnerEnd, first, Math.Max(first, end), q.Kind == QuotationKind.Partial, q.ContinuesPrevious));
        }

        return slots;
    }

    // Scratch reused by every document on a thread (Attribute does not call itself): allocated per document, the
    // feature rows alone were about 6 KB to clear.
    [ThreadStatic] private static List<Candidate>? s_candidates;
    [ThreadStatic] private static List<float>? s_features;
    [ThreadStatic] private static List<int>? s_firstCandidate;
    [ThreadStatic] private static double[]? s_scores;
    [ThreadStatic] private static int[]? s_best;

    /// <summary>Chooses an attribution for every slot.</summary>
    public static List<AttributionChoice> Attribute(TextDocument doc, List<QuoteSlot> slots, AttributionModel model, bool[] quoted)
    {
        var choices = new List<AttributionChoice>(slots.Count);
        if (slots.Count == 0)
        {
            return choices;
        }

        var generator = CreateGenerator(doc, slots, quoted);
        var cues = generator.Cues;
        int width = CandidateGenerator.FeatureNames.Length;
        var candidates = s_candidates ??= new List<Candidate>(32);
        var features = s_features ??= new List<float>(32 * width);
        var firstCandidate = s_firstCandidate ??= new List<int>(8);
        candidates.Clear();
        features.Clear();
        firstCandidate.Clear();

        // Every quotation's candidates first, so that the trees score the document's rows together (see BestOfEach).
        for (int qi = 0; qi < slots.Count; qi++)
        {
            firstCandidate.Add(candidates.Count);
            generator.Generate(qi, candidates, features);
        }

        firstCandidate.Add(candidates.Count);
        var best = Rent(ref s_best, slots.Count);
        var bestScores = Rent(ref s_scores, slots.Count);
        BestOfEach(model.Ensemble, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), width, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(firstCandidate), best, bestScores);

        AttributionChoice? previous = null;
        int previousParagraph = -1;
        for (int qi = 0; qi < slots.Count; qi++)
        {
            int paragraph = doc.ParagraphIndexAt(slots[qi].Start);
            double p = best[qi] >= 0 ? model.Probability(bestScores[qi]) : 0;
            AttributionChoice choice;
            if (best[qi] >= 0 && p >= model.Manifest.Threshold)
            {
                var cand = candidates[firstCandidate[qi] + best[qi]];
                choice = new AttributionChoice(slots[qi].Index, cues[cand.Cue], cand.MentionStart, cand.MentionEnd, p, false);
            }
            else if (previous is { MentionStart: >= 0 } prev && paragraph - previousParagraph <= 1)
            {
                // A run of quotations: the next one without its own attribution continues the same speaker.
                choice = new AttributionChoice(slots[qi].Index, prev.Cue, prev.MentionStart, prev.MentionEnd, Math.Min(prev.Probability, 0.5), true);
            }
            else
            {
                choice = new AttributionChoice(slots[qi].Index, null, -1, -1, p, false);
            }

            choices.Add(choice);
            previous = choice;
            previousParagraph = paragraph;
        }

        ShareAcrossContinuations(slots, choices);
        return choices;
    }

    private static T[] Rent<T>(ref T[]? cache, int length)
    {
        if (cache is null || cache.Length < length)
        {
            cache = new T[Math.Max(length, 16)];
        }

        return cache;
    }

    /// <summary>
    /// The pieces of a multi-paragraph quotation are one utterance: all take the most confident own (not inherited)
    /// attribution of the chain, which is usually on the last piece ("..." Mr Reyes said.).
    /// </summary>
    private static void ShareAcrossContinuations(List<QuoteSlot> slots, List<AttributionChoice> choices)
    {
        int i = 0;
        while (i < slots.Count)
        {
            int j = i + 1;
            while (j < slots.Count && slots[j].ContinuesPrevious)
            {
                j++;
            }

            if (j - i > 1)
            {
                int best = -1;
                for (int k = i; k < j; k++)
                {
                    if (choices[k].MentionStart >= 0 && !choices[k].Inherited && (best < 0 || choices[k].Probability > choices[best].Probability))
                    {
                        best = k;
                    }
                }

                if (best >= 0)
                {
                    for (int k = i; k < j; k++)
                    {
                        if (k != best)
                        {
                            choices[k] = choices[best] with { QuoteIndex = choices[k].QuoteIndex, Inherited = true };
                        }
                    }
                }
            }

            i = j;
        }
    }

    /// <summary>The number of leading trees every candidate is scored with before the field is cut to <see cref="Finalists"/>.</summary>
    internal const int ScreeningTrees = 24;

    /// <summary>How many candidates the remaining trees score.</summary>
    internal const int Finalists = 3;

    /// <summary>
    /// The best candidate. Boosted trees add up, so the first trees already rank candidates well: all are screened
    /// with <see cref="ScreeningTrees"/> trees and only the top <see cref="Finalists"/> get the rest (about 3x less work;
    /// the choice matched full scoring on PolNeAR dev, see the tests).
    /// </summary>
    internal static int Best(TreeEnsemble ensemble, ReadOnlySpan<float> features, List<Candidate> candidates, int width, out double bestScore)
    {
        bestScore = double.NegativeInfinity;
        int n = candidates.Count;
        if (n == 0)
        {
            return -1;
        }

        // The generator appends one row per candidate, so the rows are consecutive and scored together.
        Debug.Assert(candidates[n - 1].FeatureOffset == (n - 1) * width, "candidate rows are consecutive");
        var rows = features[..(n * width)];
        Span<double> scores = n <= 128 ? stackalloc double[n] : new double[n];
        int screen = Math.Min(ScreeningTrees, ensemble.TreeCount);
        if (n <= Finalists || screen == ensemble.TreeCount)
        {
            ensemble.ScoreRows(rows, width, 0, ensemble.TreeCount, scores);
            int best = -1;
            for (int c = 0; c < n; c++)
            {
                if (scores[c] > bestScore)
                {
                    bestScore = scores[c];
                    best = c;
                }
            }

            return best;
        }

        Span<int> top = stackalloc int[Finalists];
        Span<double> topScore = stackalloc double[Finalists];
        top.Fill(-1);
        topScore.Fill(double.NegativeInfinity);
        ensemble.ScoreRows(rows, width, 0, screen, scores);
        for (int c = 0; c < n; c++)
        {
            double s = scores[c];
            for (int k = 0; k < Finalists; k++)
            {
                if (s > topScore[k])
                {
                    for (int m = Finalists - 1; m > k; m--)
                    {
                        topScore[m] = topScore[m - 1];
                        top[m] = top[m - 1];
                    }

                    topScore[k] = s;
                    top[k] = c;
                    break;
                }
            }
        }

        // The finalists' rows side by side, so that the remaining trees also score them together.
        int finalists = 0;
        Span<float> finalRows = stackalloc float[Finalists * width];
        while (finalists < Finalists && top[finalists] >= 0)
        {
            rows.Slice(top[finalists] * width, width).CopyTo(finalRows[(finalists * width)..]);
            finalists++;
        }

        Span<double> rest = stackalloc double[Finalists];
        ensemble.ScoreRows(finalRows, width, screen, ensemble.TreeCount, rest[..finalists]);
        int winner = -1;
        for (int k = 0; k < finalists; k++)
        {
            double s = topScore[k] + rest[k];
            if (s > bestScore || (s == bestScore && top[k] < winner))
            {
                bestScore = s;
                winner = top[k];
            }
        }

        return winner;
    }

    [ThreadStatic] private static double[]? s_sums;
    [ThreadStatic] private static float[]? s_rows;
    [ThreadStatic] private static int[]? s_top;

    /// <summary>
    /// <see cref="Best"/> for every quotation of a document at once, with the same choices and scores bit for bit: the
    /// rows of all quotations are screened together, then every row that needs the remaining trees (finalists, and all
    /// rows of quotations with at most <see cref="Finalists"/> candidates) is scored in one batch, so that the vector
    /// lanes are full instead of mostly idle on a quotation's three finalists.
    /// </summary>
    /// <param name="ensemble">The trees.</param>
    /// <param name="features">The rows of all candidates, one after another, quotation by quotation.</param>
    /// <param name="width">The row width.</param>
    /// <param name="firstCandidate">Per quotation, the index of its first candidate; one more entry holds the total.</param>
    /// <param name="best">Per quotation: the index of the best candidate among its own, or -1 when it has none.</param>
    /// <param name="bestScores">Per quotation: the best candidate's score (negative infinity when none).</param>
    internal static void BestOfEach(TreeEnsemble ensemble, ReadOnlySpan<float> features, int width, ReadOnlySpan<int> firstCandidate, Span<int> best, Span<double> bestScores)
    {
        int quotes = firstCandidate.Length - 1;
        int total = firstCandidate[quotes];
        Debug.Assert(features.Length >= total * width, "one row per candidate");
        int screen = Math.Min(ScreeningTrees, ensemble.TreeCount);

        // 1. The first trees for every row (all trees when there is no screening): bias plus trees, added in order.
        var sums = Rent(ref s_sums, total).AsSpan(0, total);
        sums.Fill(ensemble.Bias);
        ensemble.AddRows(features[..(total * width)], width, 0, screen, sums);

        // 2. Rows that go on to the other trees: a short list's rows keep adding to their sums (as one full scoring
        // does); finalists start a separate sum from zero, added to their screening score afterwards (as Best does).
        var top = Rent(ref s_top, quotes * Finalists).AsSpan(0, quotes * Finalists);
        top.Fill(-1);
        int pending = 0;
        for (int q = 0; q < quotes && screen < ensemble.TreeCount; q++)
        {
            pending += Math.Min(Finalists, firstCandidate[q + 1] - firstCandidate[q]);
        }

        var rows = Rent(ref s_rows, pending * width).AsSpan(0, pending * width);
        var rest = Rent(ref s_restSums, pending).AsSpan(0, pending);
        var restOf = Rent(ref s_restOf, pending).AsSpan(0, pending);
        Span<double> topScore = stackalloc double[Finalists];
        int k = 0;
        for (int q = 0; q < quotes && screen < ensemble.TreeCount; q++)
        {
            int a = firstCandidate[q], n = firstCandidate[q + 1] - a;
            if (n <= Finalists)
            {
                for (int c = a; c < a + n; c++)
                {
                    features.Slice(c * width, width).CopyTo(rows[(k * width)..]);
                    rest[k] = sums[c];
                    restOf[k++] = c;
                }

                continue;
            }

            // The top candidates by screening score, best first, the earlier one first on ties.
            var qTop = top.Slice(q * Finalists, Finalists);
            topScore.Fill(double.NegativeInfinity);
            for (int c = 0; c < n; c++)
            {
                double s = sums[a + c];
                for (int t = 0; t < Finalists; t++)
                {
                    if (s > topScore[t])
                    {
                        for (int m = Finalists - 1; m > t; m--)
                        {
                            topScore[m] = topScore[m - 1];
                            qTop[m] = qTop[m - 1];
                        }

                        topScore[t] = s;
                        qTop[t] = c;
                        break;
                    }
                }
            }

            for (int t = 0; t < Finalists && qTop[t] >= 0; t++)
            {
                features.Slice((a + qTop[t]) * width, width).CopyTo(rows[(k * width)..]);
                rest[k] = 0;
                restOf[k++] = -1 - q; // a finalist: its sum is added to the screening score below
            }
        }

        ensemble.AddRows(rows[..(k * width)], width, screen, ensemble.TreeCount, rest[..k]);

        // 3. Short lists take their full sums back; then every quotation picks its best as Best does.
        for (int r = 0; r < k; r++)
        {
            if (restOf[r] >= 0)
            {
                sums[restOf[r]] = rest[r];
            }
        }

        k = 0;
        for (int q = 0; q < quotes; q++)
        {
            int a = firstCandidate[q], n = firstCandidate[q + 1] - a;
            double bestScore = double.NegativeInfinity;
            int winner = -1;
            if (n <= Finalists || screen == ensemble.TreeCount)
            {
                for (int c = 0; c < n; c++)
                {
                    if (sums[a + c] > bestScore)
                    {
                        bestScore = sums[a + c];
                        winner = c;
                    }
                }

                k += screen == ensemble.TreeCount ? 0 : n;
            }
            else
            {
                var qTop = top.Slice(q * Finalists, Finalists);
                for (int t = 0; t < Finalists && qTop[t] >= 0; t++)
                {
                    double s = sums[a + qTop[t]] + rest[k++];
                    if (s > bestScore || (s == bestScore && qTop[t] < winner))
                    {
                        bestScore = s;
                        winner = qTop[t];
                    }
                }
            }

            best[q] = winner;
            bestScores[q] = bestScore;
        }
    }

    [ThreadStatic] private static double[]? s_restSums;
    [ThreadStatic] private static int[]? s_restOf;

    /// <summary>
    /// The candidate generator for a document, as training and inference both use it: cues are only looked up from
    /// the sentence before a quotation to the sentence after it, so the rest of a long article is not looked up.
    /// </summary>
    /// <remarks>
    /// That covers every cue the generator reads: candidate cues lie in a quotation's sentences or the one before or
    /// after (<see cref="CandidateGenerator"/> regions), and the cues it counts lie between such a cue and the quotation
    /// or inside a mention within the cue's sentence. Cues do not cross sentences, so the ones found there are the same
    /// as with wider windows.
    /// </remarks>
    internal static CandidateGenerator CreateGenerator(TextDocument doc, List<QuoteSlot> slots, bool[] quoted)
    {
        var ranges = s_ranges ??= new List<(int, int)>(8);
        WindowRanges(doc, slots, before: CueWindowBefore, after: CueWindowAfter, ranges);

        // The generator drops cues inside speech quotations (the speaker's words), so they are not looked up either;
        // a cue found there could not reach past the closing quote mark.
        RemoveQuotations(ranges, slots, doc.Tokens.Length);
        return new(doc, CueLexicon.Default.FindAll(doc, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ranges)), slots, quoted);
    }

    /// <summary>Removes the tokens of the quotations (<see cref="QuotedMask"/>) from ascending, disjoint token ranges.</summary>
    internal static void RemoveQuotations(List<(int First, int End)> ranges, List<QuoteSlot> slots, int tokenCount)
    {
        int r = 0;
        foreach (var s in slots)
        {
            int qa = s.FirstToken, qb = Math.Min(s.EndToken, tokenCount);
            if (qa >= qb)
            {
                continue;
            }

            // Slots are in document order, but step back in case one starts before the range reached.
            while (r > 0 && ranges[r - 1].End > qa)
            {
                r--;
            }

            for (; r < ranges.Count && ranges[r].First < qb; r++)
            {
                var (a, b) = ranges[r];
                if (b <= qa)
                {
                    continue;
                }

                if (a < qa && b > qb)
                {
                    ranges[r] = (a, qa);
                    ranges.Insert(r + 1, (qb, b));
                }
                else if (a < qa)
                {
                    ranges[r] = (a, qa);
                }
                else if (b > qb)
                {
                    ranges[r] = (qb, b);
                }
                else
                {
                    ranges.RemoveAt(r);
                    r--;
                }
            }
        }
    }

    /// <summary>Sentences before a quotation's first sentence where cues are looked up.</summary>
    internal const int CueWindowBefore = 1;

    /// <summary>Sentences after a quotation's last sentence where cues are looked up.</summary>
    internal const int CueWindowAfter = 1;

    [ThreadStatic] private static List<(int, int)>? s_ranges;

    /// <summary>
    /// The token ranges from <paramref name="before"/> sentences before each quotation to <paramref name="after"/>
    /// sentences after it, merged where they overlap or touch, ascending: the tokens <see cref="Windows"/> marks.
    /// </summary>
    internal static void WindowRanges(TextDocument doc, List<QuoteSlot> slots, int before, int after, List<(int First, int End)> ranges)
    {
        ranges.Clear();
        var sentences = doc.Sentences;
        if (sentences.Length == 0)
        {
            return;
        }

        foreach (var s in slots)
        {
            int a = doc.SentenceIndexAt(s.Start);
            int b = doc.SentenceIndexAt(Math.Max(s.Start, s.End - 1));
            a = a < 0 ? sentences.Length - 1 : Math.Max(0, a - before);
            b = b < 0 ? sentences.Length - 1 : Math.Min(sentences.Length - 1, b + after);
            if (a > b)
            {
                continue;
            }

            int first = sentences[a].FirstToken, end = sentences[b].EndToken;
            if (first >= end)
            {
                continue;
            }

            // Slots are in document order, so a window can only overlap or touch the ones just before it; keep the
            // list sorted anyway (insert and merge backwards) so that any order gives the same ranges.
            int at = ranges.Count;
            while (at > 0 && ranges[at - 1].First > first)
            {
                at--;
            }

            ranges.Insert(at, (first, end));
            int k = at > 0 && ranges[at - 1].End >= first ? at - 1 : at;
            while (k + 1 < ranges.Count && ranges[k + 1].First <= ranges[k].End)
            {
                ranges[k] = (ranges[k].First, Math.Max(ranges[k].End, ranges[k + 1].End));
                ranges.RemoveAt(k + 1);
            }
        }
    }

    /// <summary>Per token: whether it lies inside one of the speech quotations.</summary>
    internal static bool[] QuotedMask(TextDocument doc, List<QuoteSlot> slots)
    {
        var quoted = new bool[doc.Tokens.Length];
        foreach (var s in slots)
        {
            int end = Math.Min(s.EndToken, quoted.Length);
            if (s.FirstToken < end)
            {
                quoted.AsSpan(s.FirstToken, end - s.FirstToken).Fill(true);
            }
        }

        return quoted;
    }

    /// <summary>Marks the tokens from <paramref name="before"/> sentences before each quotation to <paramref name="after"/> sentences after it.</summary>
    internal static bool[] Windows(TextDocument doc, List<QuoteSlot> slots, int before, int after)
    {
        var near = new bool[doc.Tokens.Length];
        var sentences = doc.Sentences;
        if (sentences.Length == 0)
        {
            return near;
        }

        foreach (var s in slots)
        {
            int a = doc.SentenceIndexAt(s.Start);
            int b = doc.SentenceIndexAt(Math.Max(s.Start, s.End - 1));
            a = a < 0 ? sentences.Length - 1 : Math.Max(0, a - before);
            b = b < 0 ? sentences.Length - 1 : Math.Min(sentences.Length - 1, b + after);
            if (a <= b)
            {
                near.AsSpan(sentences[a].FirstToken, sentences[b].EndToken - sentences[a].FirstToken).Fill(true);
            }
        }

        return near;
    }
}
