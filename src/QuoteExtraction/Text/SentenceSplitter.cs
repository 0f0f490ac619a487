namespace QuoteExtraction.Text;

/// <summary>
/// Splits the tokens of one paragraph into sentences. Rule based: a sentence ends at . ! ? … (or a run such as "?!"),
/// together with any closing quote marks and brackets attached to it, when the next token looks like a sentence start.
/// Abbreviations end a sentence only when the abbreviation list and the next word say so.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// Splits <paramref name="tokens"/> (all tokens of one paragraph) into sentences, appends them to
    /// <paramref name="buffer"/> after the first <paramref name="count"/> entries, and sets
    /// <see cref="TokenFlags.SentenceStart"/>/<see cref="TokenFlags.SentenceEnd"/> on the tokens.
    /// </summary>
    /// <param name="text">The text the tokens point into.</param>
    /// <param name="tokens">The paragraph's tokens; flags are updated in place.</param>
    /// <param name="firstTokenIndex">Document index of <paramref name="tokens"/>[0], used for <see cref="SentenceSpan.FirstToken"/>.</param>
    /// <param name="paragraph">Paragraph index stored in each sentence.</param>
    /// <param name="buffer">Growable sentence buffer; replaced by a larger array when full.</param>
    /// <param name="count">Number of sentences already in <paramref name="buffer"/>.</param>
    /// <returns>The new number of sentences in <paramref name="buffer"/>.</returns>
    public static int Split(string text, Span<Token> tokens, int firstTokenIndex, int paragraph, ref SentenceSpan[] buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(buffer);
        var n = tokens.Length;
        var sentenceStart = 0;
        var i = 0;
        while (i < n)
        {
            var t = tokens[i];
            var terminal = IsTerminal(text, t);
            var abbreviation = !terminal && (t.Flags & TokenFlags.Abbreviation) != 0 && text[t.End - 1] == '.';
            if (!terminal && !abbreviation)
            {
                i++;
                continue;
            }

            // Attach closing quotes, brackets and further terminal punctuation: `win."` and `(sic).)`.
            var j = i + 1;
            while (j < n)
            {
                var u = tokens[j];
                if ((u.Flags & TokenFlags.SpaceBefore) != 0)
                {
                    break;
                }

                if ((u.Kind == TokenKind.QuoteMark && (u.Flags & TokenFlags.OpenQuote) == 0)
                    || IsClosingBracket(text, u)
                    || IsTerminal(text, u))
                {
                    j++;
                    continue;
                }

                break;
            }

            if (j >= n)
            {
                break;
            }

            if (abbreviation && j > i + 1)
            {
                terminal = true; // "in the U.S." The …: a closer after the abbreviation makes it a real end
            }

            var split = terminal
                ? EndsAfterTerminal(text, tokens, i, j)
                : EndsAfterAbbreviation(text, tokens, i, j);
            if (split)
            {
                count = Add(tokens, firstTokenIndex, paragraph, sentenceStart, j, ref buffer, count);
                sentenceStart = j;
            }

            i = j;
        }

        if (sentenceStart < n)
        {
            count = Add(tokens, firstTokenIndex, paragraph, sentenceStart, n, ref buffer, count);
        }

        return count;
    }

    private static int Add(Span<Token> tokens, int offset, int paragraph, int from, int to, ref SentenceSpan[] buffer, int count)
    {
        tokens[from] = tokens[from] with { Flags = tokens[from].Flags | TokenFlags.SentenceStart };
        tokens[to - 1] = tokens[to - 1] with { Flags = tokens[to - 1].Flags | TokenFlags.SentenceEnd };
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(8, buffer.Length * 2));
        }

        buffer[count] = new SentenceSpan(tokens[from].Start, tokens[to - 1].End, offset + from, offset + to, paragraph);
        return count + 1;
    }

    /// <summary>Whether the token is sentence-final punctuation: . ! ? … ‽ or a run of them.</summary>
    internal static bool IsTerminal(string text, in Token t)
    {
        if (t.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var c = text[t.Start];
        return c is '.' or '!' or '?' or '\u2026' or '\u203D' or '\u3002' or '\uFF01' or '\uFF1F';
    }

    private static bool IsClosingBracket(string text, in Token t) =>
        t.Kind == TokenKind.Punctuation && text[t.Start] is ')' or ']' or '}';

    /// <summary>After . ! ? …: split unless the next token continues the sentence (lower case, comma, dash …).</summary>
    private static bool EndsAfterTerminal(string text, Span<Token> tokens, int i, int j)
    {
        var next = tokens[j];
        if (j == i + 1 && i > 0 && (next.Flags & TokenFlags.SpaceBefore) == 0 && (tokens[i].Flags & TokenFlags.SpaceBefore) == 0
            && next.Kind == TokenKind.Word && (tokens[i - 1].Flags & TokenFlags.AllCaps) != 0 && tokens[i].Length == 1)
        {
            return false; // ticker codes such as "NWBL.L": a period glued between capitals
        }

        switch (next.Kind)
        {
            case TokenKind.Word:
                return !StartsLower(text, next);
            case TokenKind.Punctuation:
                return text[next.Start] is '(' or '[';
            case TokenKind.QuoteMark:
                // An opening quote starts the next sentence unless a lower-case word follows it.
                return j + 1 >= tokens.Length || tokens[j + 1].Kind != TokenKind.Word || !StartsLower(text, tokens[j + 1]);
            default:
                return true;
        }
    }

    /// <summary>After an abbreviation with its period: split only when its kind and the next word agree.</summary>
    private static bool EndsAfterAbbreviation(string text, Span<Token> tokens, int i, int j)
    {
        var abbreviation = tokens[i];
        var kind = Lexicon.GetAbbreviation(text.AsSpan(abbreviation.Start, abbreviation.Length));
        if ((abbreviation.Flags & TokenFlags.Initial) != 0)
        {
            // "J. K. Rowling", "George W. Bush" never split; "rated A. The bank …" does: a lone capital after a
            // non-name word, followed by a typical sentence starter, is a letter ending the sentence.
            var afterName = i > 0 && (tokens[i - 1].Flags & TokenFlags.Capitalized) != 0 && tokens[i - 1].Kind == TokenKind.Word;
            kind = afterName ? AbbreviationKind.NeverEnds : AbbreviationKind.EndsBeforeStarter;
        }
        else if (kind == AbbreviationKind.None)
        {
            kind = AbbreviationKind.EndsBeforeStarter; // unlisted dotted acronym such as "N.A.T.O."
        }

        var next = tokens[j];
        if (next.Kind == TokenKind.QuoteMark && (next.Flags & TokenFlags.OpenQuote) != 0 && j + 1 < tokens.Length)
        {
            next = tokens[j + 1]; // `in the U.S. "This …`: judge the quoted word
        }

        if (next.Kind != TokenKind.Word || (next.Flags & TokenFlags.Capitalized) == 0)
        {
            return false;
        }

        var word = text.AsSpan(next.Start, next.Length);
        return kind switch
        {
            AbbreviationKind.EndsBeforeStarter => Lexicon.SentenceStarters.Contains(word),
            AbbreviationKind.EndsBeforeCapital => !Lexicon.CalendarWords.Contains(word),
            _ => false,
        };
    }

    private static bool StartsLower(string text, in Token t)
    {
        var c = text[t.Start];
        return c < 128 ? char.IsAsciiLetterLower(c) : char.IsLower(c);
    }
}
