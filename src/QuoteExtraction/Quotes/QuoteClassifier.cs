using System.Buffers;
using QuoteExtraction.Text;

namespace QuoteExtraction.Quotes;

/// <summary>
/// Decides whether a quote-mark span is speech and, if so, a full utterance (<see cref="QuotationKind.Direct"/>)
/// or a fragment inside the writer's sentence (<see cref="QuotationKind.Partial"/>).
/// </summary>
/// <remarks>
/// The non-speech rule (<see cref="QuotationKind.Other"/>), applied in this order:
/// <list type="number">
/// <item>markup attribute values (<c>author="..."</c>);</item>
/// <item>words as words: a span right after "word", "term", "phrase", "slogan", "hashtag", "nickname", "headline", "titled" or "dubbed";</item>
/// <item>titles and names: a capitalised span of at most eight words in title case without a sentence inside it
/// ("Face the Nation", "Morning Joe", Robert "Bobby" Scott), unless a colon or comma introduces it;</item>
/// <item>scare quotes: a single word that no colon or comma introduces and that does not end a sentence.</item>
/// </list>
/// Everything else is speech: direct when it starts with a capital (or digit) and either ends a sentence,
/// is introduced by a colon or comma, stands at the start of a sentence, or runs to four words or more; partial otherwise.
/// </remarks>
internal static class QuoteClassifier
{
    private static readonly WordIndex FunctionWordLookup = new WordIndex(
        ignoreCase: true,
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "vs", "vs.", "de", "la", "as", "it", "but", "nor", "&");

    private static readonly WordIndex WordsAsWordsLookup = new WordIndex(
        ignoreCase: true,
        "word", "words", "term", "terms", "phrase", "phrases", "slogan", "slogans", "hashtag", "nickname", "nicknamed", "headline", "headlined",
        "titled", "entitled", "dubbed", "label", "labels", "acronym", "motto", "moniker", "brand", "catchphrase", "tagline", "letters", "spelled",
        "so-called", "quote-unquote");

    /// <summary>Turns raw spans (sorted by start, outer first) into quotations, applying the options' limits.</summary>
    public static IReadOnlyList<Quotation> Build(string text, ReadOnlySpan<RawQuote> raw, QuoteExtractorOptions options, List<ExtractionWarning> warnings)
    {
        if (raw.Length == 0)
        {
            return [];
        }

        var result = new List<Quotation>(Math.Min(raw.Length, 1024));
        Span<int> ends = stackalloc int[64];
        int depth = 0;
        bool capped = false;
        int previousDirectEnd = -1;
        foreach (var q in raw)
        {
            // Depth by containment: pop the enclosing spans that end before this one starts.
            while (depth > 0 && ends[depth - 1] <= q.Start)
            {
                depth--;
            }

            int myDepth = depth;
            if (depth < ends.Length)
            {
                ends[depth++] = q.End;
            }

            int innerStart = q.InnerStart;
            int innerEnd = q.InnerEnd;
            var inner = text.AsSpan(innerStart, innerEnd - innerStart).Trim();
            if (!HasWordChar(inner))
            {
                continue; // "" or "..." carry no words: not a quotation.
            }

            var (kind, confidence) = Classify(text, q, inner);
            if (kind == QuotationKind.Partial && previousDirectEnd >= 0 && IsSecondHalf(text, previousDirectEnd, q.Start))
            {
                // "We tried," she said, "but the votes were not there." — the second piece of a broken direct quotation.
                kind = QuotationKind.Direct;
                confidence = 0.9;
            }

            if (myDepth == 0)
            {
                previousDirectEnd = kind == QuotationKind.Direct ? q.End : -1;
            }
            if (kind == QuotationKind.Other && !options.IncludeNonSpeech)
            {
                continue;
            }

            if (result.Count >= options.MaxQuotationsPerDocument)
            {
                if (!capped)
                {
                    capped = true;
                    warnings.Add(new ExtractionWarning(
                        WarningCodes.TooManyQuotations,
                        $"The document holds more than {options.MaxQuotationsPerDocument} quotations; the rest were dropped (MaxQuotationsPerDocument).",
                        q.Start));
                }

                break;
            }

            int start = q.Start;
            int end = q.End;
            if (end - start > options.MaxQuotationLength)
            {
                warnings.Add(new ExtractionWarning(
                    WarningCodes.QuotationTooLong,
                    $"A quotation of {end - start} characters is longer than MaxQuotationLength ({options.MaxQuotationLength}); it is returned as found.",
                    start));
            }

            result.Add(new Quotation
            {
                Start = start,
                End = end,
                Text = text.Substring(start, end - start),
                Kind = kind,
                InnerStart = innerStart,
                InnerEnd = innerEnd,
                Unclosed = q.Unclosed,
                ContinuesNext = q.ContinuesNext,
                ContinuesPrevious = q.ContinuesPrevious,
                Depth = myDepth,
                Confidence = q.Unclosed ? Math.Round(confidence * 0.7, 2) : confidence,
            });
        }

        return result;
    }

    /// <summary>Whether the text between a direct quotation and the next one is an attribution that a comma leads out of.</summary>
    private static bool IsSecondHalf(string text, int previousEnd, int start)
    {
        if (start - previousEnd > 100 || start <= previousEnd)
        {
            return false;
        }

        var between = text.AsSpan(previousEnd, start - previousEnd).TrimEnd();
        return between.Length > 2 && between[^1] == ',' && between.IndexOfAny(QuoteMarks.Terminal) < 0 && between.IndexOfAny('\n', '\r') < 0;
    }

    /// <summary>The kind and confidence of one span.</summary>
    internal static (QuotationKind Kind, double Confidence) Classify(string text, RawQuote q, ReadOnlySpan<char> inner)
    {
        // Context before the opening mark, within the paragraph.
        int b = q.Start - 1;
        while (b >= 0 && (text[b] == ' ' || text[b] == '\t' || text[b] == '\u00A0'))
        {
            b--;
        }

        char before = b >= 0 ? text[b] : '\n';
        if (before == '=')
        {
            return (QuotationKind.Other, 0.9); // markup attribute
        }

        bool introduced = before is ':' or ',' or '\u2014' or '\u2013';
        bool sentenceStart = QuoteMarks.IsLineBreak(before) || before is '.' or '!' or '?' or '\u2026' || (b >= 0 && IsClosingMarkAfterTerminal(text, b));
        var previousWord = PreviousWord(text, b);

        // Context after the closing mark.
        int a = q.End;
        while (a < text.Length && text[a] is ' ' or '\t' or '\u00A0')
        {
            a++;
        }

        char after = a < text.Length ? text[a] : '\n';

        int words = CountWords(inner, out int capitalised, out int contentWords, out bool innerSentence);
        char lastChar = LastSignificant(inner);
        bool endsSentence = lastChar is '.' or '!' or '?' or '\u2026';
        bool endsWithComma = lastChar is ',' or ':' or ';' or '\u2014' or '-';
        char first = FirstSignificant(inner);
        bool startsUpper = char.IsUpper(first) || char.IsDigit(first);

        if (WordsAsWordsLookup.Contains(previousWord) && words <= 4)
        {
            return (QuotationKind.Other, 0.8);
        }

        if (startsUpper)
        {
            bool titleCase = words >= 1 && words <= 8 && contentWords > 0 && capitalised == contentWords && !innerSentence
                && lastChar is not ('!' or '?');
            bool attributedAfter = endsWithComma && IsAttributionStart(text, a);
            if (titleCase && !introduced && !attributedAfter && !(sentenceStart && (endsSentence || endsWithComma)))
            {
                // "Face the Nation", "Morning Joe", Robert "Bobby" Scott: a title or name, not speech.
                return (QuotationKind.Other, words == 1 ? 0.6 : 0.75);
            }

            if (introduced || sentenceStart)
            {
                return (QuotationKind.Direct, endsSentence || endsWithComma ? 0.97 : 0.85);
            }

            if (endsSentence || endsWithComma || innerSentence || words >= 4)
            {
                return (QuotationKind.Direct, 0.9);
            }

            return (QuotationKind.Partial, 0.7);
        }

        if (words == 1 && !introduced && !IsSpeechLead(previousWord) && !HasNamingVerbBefore(text, b, 4))
        {
            // A lone word in quotes that nothing introduces: a scare quote.
            return (QuotationKind.Other, endsSentence || endsWithComma ? 0.5 : 0.55);
        }

        // A lower-case start: a fragment woven into the writer's sentence, unless a colon introduces a full clause.
        if (introduced && endsSentence && words >= 4)
        {
            return (QuotationKind.Direct, 0.8);
        }

        return (QuotationKind.Partial, words >= 3 ? 0.85 : 0.7);
    }

    private static bool IsSpeechLead(ReadOnlySpan<char> word) =>
        word.Equals("called", StringComparison.OrdinalIgnoreCase) || word.Equals("calls", StringComparison.OrdinalIgnoreCase)
        || word.Equals("call", StringComparison.OrdinalIgnoreCase) || word.Equals("said", StringComparison.OrdinalIgnoreCase)
        || word.Equals("says", StringComparison.OrdinalIgnoreCase) || word.Equals("described", StringComparison.OrdinalIgnoreCase)
        || word.Equals("describes", StringComparison.OrdinalIgnoreCase) || word.Equals("as", StringComparison.OrdinalIgnoreCase)
        || word.Equals("was", StringComparison.OrdinalIgnoreCase) || word.Equals("is", StringComparison.OrdinalIgnoreCase)
        || word.Equals("were", StringComparison.OrdinalIgnoreCase) || word.Equals("are", StringComparison.OrdinalIgnoreCase)
        || word.Equals("be", StringComparison.OrdinalIgnoreCase) || word.Equals("being", StringComparison.OrdinalIgnoreCase)
        || word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("them", StringComparison.OrdinalIgnoreCase)
        || word.Equals("him", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase)
        || word.Equals("himself", StringComparison.OrdinalIgnoreCase) || word.Equals("herself", StringComparison.OrdinalIgnoreCase)
        || word.Equals("branded", StringComparison.OrdinalIgnoreCase) || word.Equals("labeled", StringComparison.OrdinalIgnoreCase)
        || word.Equals("labelled", StringComparison.OrdinalIgnoreCase) || word.Equals("termed", StringComparison.OrdinalIgnoreCase)
        || word.Equals("very", StringComparison.OrdinalIgnoreCase) || word.Equals("quite", StringComparison.OrdinalIgnoreCase)
        || word.Equals("too", StringComparison.OrdinalIgnoreCase) || word.Equals("so", StringComparison.OrdinalIgnoreCase)
        || word.Equals("totally", StringComparison.OrdinalIgnoreCase) || word.Equals("completely", StringComparison.OrdinalIgnoreCase)
        || word.Equals("absolutely", StringComparison.OrdinalIgnoreCase) || word.Equals("not", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the words at <paramref name="a"/> start an attribution (", he said", ", the president added").</summary>
    private static bool IsAttributionStart(string text, int a)
    {
        int e = a;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        var w = text.AsSpan(a, e - a);
        return w is "he" or "she" or "they" or "we" or "I" or "it" or "the" or "a" or "said" or "says" or "added" or "adds"
            or "told" or "tells" or "asked" or "asks" or "continued" or "wrote" or "writes" or "explained" or "insisted" or "replied" or "recalled";
    }

    /// <summary>Whether a speech or naming verb stands among the <paramref name="maxWords"/> words before <paramref name="b"/>, in the same sentence.</summary>
    private static bool HasNamingVerbBefore(string text, int b, int maxWords)
    {
        int k = b;
        for (int n = 0; n < maxWords && k >= 0; n++)
        {
            while (k >= 0 && !char.IsLetter(text[k]))
            {
                if (text[k] is '.' or '!' or '?' or '\n' or ':' || QuoteMarks.IsQuoteChar(text[k]))
                {
                    return false;
                }

                k--;
            }

            int e = k + 1;
            while (k >= 0 && (char.IsLetter(text[k]) || text[k] == '-'))
            {
                k--;
            }

            var w = text.AsSpan(k + 1, e - (k + 1));
            if (w is "called" or "calls" or "call" or "calling" or "described" or "describes" or "describing" or "labeled" or "labelled"
                or "branded" or "termed" or "deemed" or "characterized" or "characterised" or "dismissed" or "said" or "says" or "saying"
                or "denounced" or "praised" or "slammed" or "decried" or "blasted")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClosingMarkAfterTerminal(string text, int b)
    {
        // ... won." "Next quotation — the previous sentence ended inside its closing mark.
        if (!QuoteMarks.IsQuoteChar(text[b]))
        {
            return false;
        }

        int k = b - 1;
        while (k >= 0 && QuoteMarks.IsQuoteChar(text[k]))
        {
            k--;
        }

        return k >= 0 && text[k] is '.' or '!' or '?' or '\u2026';
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int b)
    {
        int e = b + 1;
        int s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '.' or '-'))
        {
            s--;
        }

        return text.AsSpan(s, e - s).TrimEnd('.');
    }

    private static bool HasWordChar(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static char FirstSignificant(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                return c;
            }
        }

        return ' ';
    }

    private static char LastSignificant(ReadOnlySpan<char> s)
    {
        for (int i = s.Length - 1; i >= 0; i--)
        {
            char c = s[i];
            if (!char.IsWhiteSpace(c) && !QuoteMarks.IsQuoteChar(c) && c is not (')' or ']'))
            {
                return c;
            }
        }

        return ' ';
    }

    /// <summary>Counts words, how many content words start with a capital, and whether a sentence ends inside.</summary>
    private static int CountWords(ReadOnlySpan<char> s, out int capitalised, out int contentWords, out bool innerSentence)
    {
        int words = 0;
        capitalised = 0;
        contentWords = 0;
        innerSentence = false;
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                break;
            }

            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            var token = s[start..i];
            words++;
            var core = TrimPunctuation(token);
            if (core.Length > 0 && char.IsLetter(core[0]))
            {
                if (!FunctionWordLookup.Contains(core) || words == 1)
                {
                    contentWords++;
                    if (char.IsUpper(core[0]))
                    {
                        capitalised++;
                    }
                }
            }

            // A sentence break inside: "... win. We ..." (a terminal mark at a word end followed by more words).
            if (i < s.Length && token.Length > 1 && token[^1] is '.' or '!' or '?' && words > 1 && !IsLikelyAbbreviation(token))
            {
                innerSentence = true;
            }

            if (words > 64)
            {
                innerSentence = true; // long enough: certainly not a title; stop counting.
                break;
            }
        }

        return words;
    }

    // The quote marks, brackets and punctuation around a word. A set look-up per end char: Trim with a char list tested
    // every listed char for every end char of every word of every quotation.
    private static readonly SearchValues<char> WordPunctuation = SearchValues.Create("\"'“”‘’([{)]}.,;:!?…—–-*");

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> token)
    {
        int a = 0, b = token.Length;
        while (a < b && WordPunctuation.Contains(token[a]))
        {
            a++;
        }

        while (b > a && WordPunctuation.Contains(token[b - 1]))
        {
            b--;
        }

        return token[a..b];
    }

    private static bool IsLikelyAbbreviation(ReadOnlySpan<char> token)
    {
        // Mr. Dr. U.S. St. — short tokens with a capital or an inner period.
        var core = token.TrimEnd('.');
        return core.Length <= 3 && core.Length > 0 && char.IsUpper(core[0]) || core.Contains('.');
    }
}
