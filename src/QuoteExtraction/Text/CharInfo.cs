using System.Globalization;
using System.Runtime.CompilerServices;

namespace QuoteExtraction.Text;

/// <summary>Coarse character classes used by the tokenizer's ASCII fast path.</summary>
internal enum CharClass : byte
{
    /// <summary>Whitespace, control characters and invisible separators: skipped between tokens.</summary>
    Separator,
    Upper,
    Lower,
    Digit,
    Punctuation,
    Quote,
    Symbol,

    /// <summary>Anything outside ASCII: classified with Unicode categories.</summary>
    NonAscii,
}

/// <summary>Fast character tests. ASCII goes through a 128-entry table; the rest through Unicode categories.</summary>
internal static class CharInfo
{
    private static readonly CharClass[] Ascii = BuildAscii();

    private static CharClass[] BuildAscii()
    {
        var table = new CharClass[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = c switch
            {
                >= 'A' and <= 'Z' => CharClass.Upper,
                >= 'a' and <= 'z' => CharClass.Lower,
                >= '0' and <= '9' => CharClass.Digit,
                '"' or '\'' or '`' => CharClass.Quote,
                '!' or ',' or '-' or '.' or ':' or ';' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '/' or '\\' or '_' => CharClass.Punctuation,
                > ' ' and < (char)127 => CharClass.Symbol,
                _ => CharClass.Separator,
            };
        }

        return table;
    }

    /// <summary>Class of <paramref name="c"/>; <see cref="CharClass.NonAscii"/> for c ≥ 128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CharClass Classify(char c) => c < 128 ? Ascii[c] : CharClass.NonAscii;

    /// <summary>Whether <paramref name="c"/> is a quotation mark glyph (ASCII or typographic).</summary>
    internal static bool IsQuote(char c) => c switch
    {
        '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
            or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => true,
        _ => false,
    };

    /// <summary>Letters (BMP), decimal digits and combining marks that can continue a word. Surrogates are handled by callers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            var k = Ascii[c];
            return k is CharClass.Upper or CharClass.Lower or CharClass.Digit;
        }

        return IsWordCharSlow(c);
    }

    private static bool IsWordCharSlow(char c)
    {
        if (c == '\u00AD' || c == '\u200D' || c == '\u200C')
        {
            return true; // soft hyphen and joiners live inside words
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat <= UnicodeCategory.DecimalDigitNumber || cat == UnicodeCategory.LetterNumber;
    }

    /// <summary>Whether <paramref name="c"/> is a letter (any script, BMP only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLetter(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    /// <summary>Whether <paramref name="c"/> is a letter or decimal digit (any script, BMP only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLetterOrDigit(char c) => c < 128 ? Ascii[c] is CharClass.Upper or CharClass.Lower or CharClass.Digit : char.IsLetterOrDigit(c);

    /// <summary>Whether <paramref name="c"/> separates tokens: whitespace, control and invisible format characters (but not joiners).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSeparator(char c) => c < 128 ? c <= ' ' || c == '\x7F' : IsSeparatorSlow(c); // the ASCII Separator class, without a table load

    private static bool IsSeparatorSlow(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat == UnicodeCategory.Control || (cat == UnicodeCategory.Format && c != '\u00AD' && c != '\u200D' && c != '\u200C');
    }
}
