using System.Buffers;
using System.Runtime.CompilerServices;

namespace QuoteExtraction.Quotes;

/// <summary>The two families of quote marks; a closing mark only closes an opening mark of its own family.</summary>
internal enum QuoteFamily : byte
{
    Double,
    Single,
}

/// <summary>What a mark can do, before context decides.</summary>
internal enum MarkRole : byte
{
    /// <summary>Only opens (“ „ « `` ` ‹).</summary>
    Open,

    /// <summary>Only closes (” » ›).</summary>
    Close,

    /// <summary>Straight marks (" '' '): direction comes from the characters around it.</summary>
    Either,

    /// <summary>A curly single close (’) that is far more often an apostrophe than a quote mark.</summary>
    CloseOrApostrophe,

    /// <summary>A curly single open (‘) that can also be an elision ('90s written ‘90s).</summary>
    OpenOrElision,
}

/// <summary>Character classes and look-ups for quote marks. No regex: <see cref="SearchValues{T}"/> and switch tables.</summary>
internal static class QuoteMarks
{
    /// <summary>Every character that can start a quote mark, plus the line breaks that end paragraphs.</summary>
    public static readonly SearchValues<char> MarksAndBreaks =
        SearchValues.Create("\"'`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\n\r\u2028\u2029\u0085");

    /// <summary>Sentence-final punctuation inside a quotation.</summary>
    public static readonly SearchValues<char> Terminal = SearchValues.Create(".!?\u2026");

    /// <summary>Classifies the mark at <paramref name="i"/>; returns its length (0 when it is no mark).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Classify(ReadOnlySpan<char> text, int i, out QuoteFamily family, out MarkRole role)
    {
        char c = text[i];
        switch (c)
        {
            case '"':
                family = QuoteFamily.Double;
                role = MarkRole.Either;
                return 1;
            case '\u201C': // “
            case '\u201E': // „
            case '\u201F': // ‟
            case '\u00AB': // «
                family = QuoteFamily.Double;
                role = MarkRole.Open;
                return 1;
            case '\u201D': // ”
            case '\u00BB': // »
                family = QuoteFamily.Double;
                role = MarkRole.Close;
                return 1;
            case '`':
                if (i + 1 < text.Length && text[i + 1] == '`')
                {
                    family = QuoteFamily.Double;
                    role = MarkRole.Open;
                    return 2;
                }

                family = QuoteFamily.Single;
                role = MarkRole.Open;
                return 1;
            case '\'':
                // Two straight apostrophes are the typewriter double quote (''...'').
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    family = QuoteFamily.Double;
                    role = MarkRole.Either;
                    return 2;
                }

                family = QuoteFamily.Single;
                role = MarkRole.Either;
                return 1;
            case '\u2018': // ‘
            case '\u201A': // ‚
            case '\u201B': // ‛
            case '\u2039': // ‹
                family = QuoteFamily.Single;
                role = c == '\u2018' ? MarkRole.OpenOrElision : MarkRole.Open;
                return 1;
            case '\u2019': // ’
                family = QuoteFamily.Single;
                role = MarkRole.CloseOrApostrophe;
                return 1;
            case '\u203A': // ›
                family = QuoteFamily.Single;
                role = MarkRole.Close;
                return 1;
            default:
                family = default;
                role = default;
                return 0;
        }
    }

    /// <summary>A paragraph break character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    /// <summary>Whether <paramref name="c"/> counts as a quote mark for flanking tests.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsQuoteChar(char c) =>
        c is '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A';

    /// <summary>Letters and digits (including the halves of surrogate pairs, which only letters of other scripts use).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    /// <summary>Characters after which a following mark opens: space, start, opening brackets and dashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOpeningContext(char c) =>
        char.IsWhiteSpace(c) || c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or ':' or '\u00A0';

    /// <summary>Characters before which a preceding mark closes: space, end, sentence punctuation, closing brackets, dashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClosingContext(char c) =>
        char.IsWhiteSpace(c) || c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u2014' or '\u2013' or '-' or '\u2026' or '/' or '*';

    /// <summary>Short elisions written with a leading apostrophe ('90s, 'em, 'til, 'n'): never quote openers.</summary>
    public static bool IsLeadingElision(ReadOnlySpan<char> text, int markEnd)
    {
        var rest = text[markEnd..];
        if (rest.Length == 0)
        {
            return false;
        }

        // '90s, '08, '16: a year or decade.
        if (char.IsAsciiDigit(rest[0]) && rest.Length >= 2 && char.IsAsciiDigit(rest[1]))
        {
            int k = 2;
            while (k < rest.Length && char.IsAsciiLetter(rest[k]))
            {
                k++;
            }

            return k >= rest.Length || !char.IsAsciiDigit(rest[k]);
        }

        int n = 0;
        while (n < rest.Length && n < 7 && char.IsAsciiLetter(rest[n]))
        {
            n++;
        }

        if (n == rest.Length || n == 7 || (n < rest.Length && char.IsAsciiLetter(rest[n])))
        {
            return false;
        }

        var word = rest[..n];
        return word.Equals("em", StringComparison.OrdinalIgnoreCase)
            || word.Equals("til", StringComparison.OrdinalIgnoreCase)
            || word.Equals("tis", StringComparison.OrdinalIgnoreCase)
            || word.Equals("twas", StringComparison.OrdinalIgnoreCase)
            || word.Equals("cause", StringComparison.OrdinalIgnoreCase)
            || word.Equals("n", StringComparison.OrdinalIgnoreCase)
            || word.Equals("bout", StringComparison.OrdinalIgnoreCase)
            || word.Equals("nuff", StringComparison.OrdinalIgnoreCase)
            || word.Equals("s", StringComparison.Ordinal);
    }
}
