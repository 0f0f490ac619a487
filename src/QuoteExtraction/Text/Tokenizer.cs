using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuoteExtraction.Text;

/// <summary>
/// Splits text into <see cref="Token"/>s: offsets into the original string, no substrings, no regular expressions.
/// One left-to-right pass with bounded look-ahead; abbreviations, elisions and domains come from span look-ups
/// in word lists (<see cref="WordIndex"/>).
/// </summary>
/// <remarks>
/// Conventions: clitics are split Penn-Treebank style ("don't" → "do" + "n't", "Starmer's" → "Starmer" + "'s"),
/// abbreviations and initials keep their period ("Mr.", "U.S.", "J."), numbers keep separators, decimal points,
/// a percent sign and a unit suffix ("1,234.56", "4.5%", "3.5bn"), quote marks are separate tokens
/// (`` and '' are one token each), and an apostrophe is a quote mark unless it is part of a word by context.
/// Whitespace, control and invisible format characters separate tokens and are never part of one.
/// </remarks>
public static class Tokenizer
{
    /// <summary>Tokenizes a whole string into a new, exactly sized array.</summary>
    /// <param name="text">Text to tokenize; line breaks are treated as whitespace.</param>
    /// <returns>The tokens in text order.</returns>
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new Token[Math.Max(16, text.Length / 5)];
        var count = Tokenize(text, 0, text.Length, ref buffer, 0);
        return buffer.AsSpan(0, count).ToArray();
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) and appends the tokens to
    /// <paramref name="buffer"/> after the first <paramref name="count"/> entries, growing it when needed.
    /// </summary>
    /// <param name="text">The whole text; token offsets refer to it.</param>
    /// <param name="start">First offset to tokenize.</param>
    /// <param name="end">Offset just past the range to tokenize.</param>
    /// <param name="buffer">Growable token buffer; replaced by a larger array when full.</param>
    /// <param name="count">Number of tokens already in <paramref name="buffer"/>.</param>
    /// <returns>The new number of tokens in <paramref name="buffer"/>.</returns>
    /// <remarks>Tokens never extend outside the range, so tokenizing paragraph by paragraph keeps tokens inside paragraphs.</remarks>
    public static int Tokenize(string text, int start, int end, ref Token[] buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length);

        var scanner = new Scanner(text, start, end, buffer, count);
        scanner.Run();
        buffer = scanner.Buffer;
        return scanner.Count;
    }

    /// <summary>Mutable scanning state for one range. A struct so a call allocates nothing but buffer growth.</summary>
    private struct Scanner
    {
        private readonly string _text;
        private readonly int _start;
        private readonly int _end;
        private bool _space;
        private int _openSingles; // single quotes opened and not yet closed in this range: tells "bosses'" (closing) from "Joneses'" (possessive)

        public Token[] Buffer;
        public int Count;

        public Scanner(string text, int start, int end, Token[] buffer, int count)
        {
            _text = text;
            _start = start;
            _end = end;
            Buffer = buffer;
            Count = count;
            _space = start > 0 && char.IsWhiteSpace(text[start - 1]);
            _openSingles = 0;
        }

        public void Run()
        {
            var text = _text;
            var i = _start;
            while (i < _end)
            {
                var c = text[i];

                // Single spaces and ASCII letters start most iterations: test them before the general switch.
                if (c == ' ')
                {
                    _space = true;
                    i++;
                    continue;
                }

                if (char.IsAsciiLetter(c))
                {
                    i = ScanWord(i);
                    continue;
                }

                switch (CharInfo.Classify(c))
                {
                    case CharClass.Separator:
                        _space = true;
                        i++;
                        break;
                    case CharClass.Upper:
                    case CharClass.Lower:
                        i = ScanWord(i);
                        break;
                    case CharClass.Digit:
                        i = ScanNumber(i);
                        break;
                    case CharClass.Quote:
                        i = ScanQuote(i);
                        break;
                    case CharClass.Punctuation:
                        i = ScanPunctuation(i);
                        break;
                    case CharClass.Symbol:
                        Emit(i, i + 1, TokenKind.Symbol, TokenFlags.None);
                        i++;
                        break;
                    default:
                        i = ScanNonAscii(i);
                        break;
                }
            }
        }

        private int ScanNonAscii(int i)
        {
            var c = _text[i];
            if (CharInfo.IsQuote(c))
            {
                return ScanQuote(i);
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < _end && char.IsLowSurrogate(_text[i + 1]))
                {
                    var cat = CharUnicodeInfo.GetUnicodeCategory(_text, i);
                    if (cat <= UnicodeCategory.OtherLetter)
                    {
                        return ScanWord(i);
                    }

                    if (cat == UnicodeCategory.DecimalDigitNumber)
                    {
                        return ScanNumber(i);
                    }

                    return ScanSymbol(i, 2);
                }

                Emit(i, i + 1, TokenKind.Symbol, TokenFlags.None); // lone surrogate: keep it, alone
                return i + 1;
            }

            if (CharInfo.IsSeparator(c))
            {
                _space = true;
                return i + 1;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case <= UnicodeCategory.OtherLetter:
                    return ScanWord(i);
                case UnicodeCategory.DecimalDigitNumber:
                    return ScanNumber(i);
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.DashPunctuation:
                case UnicodeCategory.OpenPunctuation:
                case UnicodeCategory.ClosePunctuation:
                case UnicodeCategory.InitialQuotePunctuation:
                case UnicodeCategory.FinalQuotePunctuation:
                case UnicodeCategory.OtherPunctuation:
                    return ScanPunctuation(i);
                default:
                    return ScanSymbol(i, 1);
            }
        }

        /// <summary>A symbol (emoji, currency, math) of <paramref name="width"/> code units plus attached modifiers, joiners and marks.</summary>
        private int ScanSymbol(int i, int width)
        {
            var j = i + width;
            while (j < _end)
            {
                var c = _text[j];
                if (c == '\uFE0F' || c == '\uFE0E' || c == '\u20E3' || (c >= '\u0300' && c <= '\u036F'))
                {
                    j++;
                }
                else if (c == '\u200D' && j + 1 < _end && !CharInfo.IsSeparator(_text[j + 1]))
                {
                    j += j + 2 < _end && char.IsSurrogatePair(_text[j + 1], _text[j + 2]) ? 3 : 2; // zero-width-joiner sequence
                }
                else if (c == '\uD83C' && j + 1 < _end && _text[j + 1] >= '\uDFFB' && _text[j + 1] <= '\uDFFF')
                {
                    j += 2; // skin-tone modifier U+1F3FB..U+1F3FF
                }
                else
                {
                    break;
                }
            }

            Emit(i, j, TokenKind.Symbol, TokenFlags.None);
            return j;
        }

        private int ScanPunctuation(int i)
        {
            var c = _text[i];
            var j = i + 1;
            switch (c)
            {
                case '.':
                case '\u2026': // ellipsis: "..." and "……" runs are one token
                    while (j < _end && (_text[j] == '.' || _text[j] == '\u2026'))
                    {
                        j++;
                    }

                    break;
                case '!':
                case '?':
                case '\u203D':
                    while (j < _end && (_text[j] is '!' or '?' or '\u203D'))
                    {
                        j++;
                    }

                    break;
                case '-':
                    while (j < _end && _text[j] == '-')
                    {
                        j++;
                    }

                    break;
            }

            Emit(i, j, TokenKind.Punctuation, TokenFlags.None);
            return j;
        }

        private int ScanQuote(int i)
        {
            var text = _text;
            var c = text[i];
            switch (c)
            {
                case '`':
                    Emit(i, i + 1 < _end && text[i + 1] == '`' ? i + 2 : i + 1, TokenKind.QuoteMark, TokenFlags.OpenQuote);
                    return i + 1 < _end && text[i + 1] == '`' ? i + 2 : i + 1;
                case '\'' when i + 1 < _end && text[i + 1] == '\'':
                    Emit(i, i + 2, TokenKind.QuoteMark, Direction(i, i + 2));
                    return i + 2;
                case '\'':
                case '\u2019':
                    return ScanApostrophe(i);
                case '\u2018':
                case '\u201B':
                    // A left single quote opens a quote, except in autocorrected elisions: ‘90s, rock ‘n’ roll.
                    if (TryElision(i, digitsOnly: !(i + 1 < _end && (text[i + 1] | 0x20) == 'n'), out var e))
                    {
                        Emit(i, e, TokenKind.Word, TokenFlags.None);
                        return e;
                    }

                    _openSingles++;
                    Emit(i, i + 1, TokenKind.QuoteMark, TokenFlags.OpenQuote);
                    return i + 1;
                case '"':
                    Emit(i, i + 1, TokenKind.QuoteMark, Direction(i, i + 1));
                    return i + 1;
                case '\u201D':
                case '\u00BB':
                case '\u203A':
                    Emit(i, i + 1, TokenKind.QuoteMark, TokenFlags.CloseQuote);
                    return i + 1;
                default: // “ „ ‚ ‟ « ‹
                    Emit(i, i + 1, TokenKind.QuoteMark, TokenFlags.OpenQuote);
                    return i + 1;
            }
        }

        /// <summary>Guesses the direction of a symmetric quote mark from its neighbours.</summary>
        private readonly TokenFlags Direction(int i, int j)
        {
            var before = i > _start ? _text[i - 1] : ' ';
            var after = j < _end ? _text[j] : ' ';
            var spaceBefore = CharInfo.IsSeparator(before) || IsOpener(before);
            var spaceAfter = CharInfo.IsSeparator(after) || IsCloser(after);
            if (spaceBefore && !spaceAfter)
            {
                return TokenFlags.OpenQuote;
            }

            if (!spaceBefore && spaceAfter)
            {
                return TokenFlags.CloseQuote;
            }

            if (!spaceBefore && !spaceAfter && !CharInfo.IsLetterOrDigit(before) && CharInfo.IsLetterOrDigit(after))
            {
                // Between punctuation and a word: `."Next` closes after sentence punctuation, `-"word` opens.
                return before is '.' or ',' or '!' or '?' or ';' or ':' or ')' or '\u2026' ? TokenFlags.CloseQuote : TokenFlags.OpenQuote;
            }

            return TokenFlags.None;
        }

        private static bool IsOpener(char c) => c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or '\u201C' or '\u2018' or '\u00AB' or '"';

        private static bool IsCloser(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u2026' or '\u2014' or '\u2013' or '\u201D' or '\u2019' or '\u00BB' or '"' or '\'';

        /// <summary>An ' or ’ that is not inside a word: elision, possessive, or a single quote mark.</summary>
        private int ScanApostrophe(int i)
        {
            var text = _text;
            var before = i > _start ? text[i - 1] : ' ';
            var after = i + 1 < _end ? text[i + 1] : ' ';
            var attachedBefore = !CharInfo.IsSeparator(before) && !IsOpener(before);
            var wordAfter = CharInfo.IsLetterOrDigit(after);

            if (!attachedBefore && wordAfter)
            {
                if (TryElision(i, digitsOnly: false, out var e))
                {
                    Emit(i, e, TokenKind.Word, TokenFlags.None);
                    return e;
                }

                _openSingles++;
                Emit(i, i + 1, TokenKind.QuoteMark, TokenFlags.OpenQuote);
                return i + 1;
            }

            if (attachedBefore && !wordAfter)
            {
                if ((before == 's' || before == 'S') && (_openSingles == 0 || CloserFollows(i + 1)))
                {
                    Emit(i, i + 1, TokenKind.Word, TokenFlags.Clitic); // possessive: "the Joneses' house"
                    return i + 1;
                }

                if (_openSingles > 0)
                {
                    _openSingles--;
                }

                Emit(i, i + 1, TokenKind.QuoteMark, TokenFlags.CloseQuote);
                return i + 1;
            }

            Emit(i, i + 1, TokenKind.QuoteMark, attachedBefore ? Direction(i, i + 1) : TokenFlags.None);
            return i + 1;
        }

        /// <summary>
        /// Inside an open single quote, whether another closing-looking ' or ’ follows soon (before any opening one):
        /// then "s'" here is a possessive ('the bosses' fault'), not the end of the quotation. Bounded look-ahead.
        /// </summary>
        private readonly bool CloserFollows(int from)
        {
            var text = _text;
            var limit = Math.Min(_end, from + 200);
            for (var k = from; k < limit; k++)
            {
                var c = text[k];
                if (c != '\'' && c != '\u2019')
                {
                    continue;
                }

                var before = text[k - 1];
                var after = k + 1 < _end ? text[k + 1] : ' ';
                var attached = !CharInfo.IsSeparator(before) && !IsOpener(before);
                if (!attached && CharInfo.IsLetterOrDigit(after))
                {
                    return false; // an opening quote comes first
                }

                if (attached && !CharInfo.IsLetterOrDigit(after))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Elisions that start with an apostrophe: '90s, '08, 'em, 'til, 'n'.</summary>
        private readonly bool TryElision(int i, bool digitsOnly, out int end)
        {
            var text = _text;
            end = i;
            var j = i + 1;
            if (j < _end && char.IsAsciiDigit(text[j]))
            {
                if (j + 1 < _end && char.IsAsciiDigit(text[j + 1]))
                {
                    j += 2;
                    if (j < _end && text[j] == 's')
                    {
                        j++;
                    }

                    if (j >= _end || !CharInfo.IsLetterOrDigit(text[j]))
                    {
                        end = j;
                        return true;
                    }
                }

                return false;
            }

            if (digitsOnly)
            {
                return false;
            }

            while (j < _end && j - i <= 6 && CharInfo.IsLetter(text[j]))
            {
                j++;
            }

            if (j == i + 1 || (j < _end && CharInfo.IsLetter(text[j])) || !Lexicon.Elisions.Contains(text.AsSpan(i + 1, j - i - 1)))
            {
                return false;
            }

            if (j - i == 2 && (text[i + 1] | 0x20) == 'n')
            {
                // 'n' needs its closing apostrophe ("rock 'n' roll"), otherwise it is a quoted "n".
                if (j < _end && (text[j] == '\'' || text[j] == '\u2019'))
                {
                    end = j + 1;
                    return true;
                }

                return false;
            }

            end = j;
            return true;
        }

        private int ScanWord(int i)
        {
            var text = _text;
            var c = text[i];
            if (MayStartUrl(i) && TryUrl(i, out var urlEnd))
            {
                Emit(i, urlEnd, TokenKind.Url, TokenFlags.None);
                return urlEnd;
            }

            // Span up to the range end so the JIT drops bounds checks in the per-character loop.
            var span = text.AsSpan(0, _end);
            var j = i;
            var upper = 0;
            var lower = 0;
            while (true)
            {
                // Most word characters are lower-case ASCII letters: skip their runs in a tight loop.
                var run = j;
                j = LowerRunEnd(span, j);
                lower += j - run;
                if ((uint)j >= (uint)span.Length)
                {
                    break;
                }

                c = span[j];
                if (c < 128)
                {
                    if (char.IsAsciiLetterUpper(c))
                    {
                        upper++;
                        j++;
                        continue;
                    }

                    if (char.IsAsciiDigit(c))
                    {
                        j++;
                        continue;
                    }

                    if (c == '-' && j + 1 < _end && CharInfo.IsLetterOrDigit(text[j + 1]))
                    {
                        j++; // internal hyphen: "well-known", "COVID-19"
                        continue;
                    }

                    if (c == '\'' && j + 1 < _end && CharInfo.IsLetter(text[j + 1]))
                    {
                        var r = InternalApostrophe(i, j, upper, lower);
                        if (r < 0)
                        {
                            j++;
                            continue;
                        }

                        return r;
                    }

                    break;
                }

                if (c == '\u2019' && j + 1 < _end && CharInfo.IsLetter(text[j + 1]))
                {
                    var r = InternalApostrophe(i, j, upper, lower);
                    if (r < 0)
                    {
                        j++;
                        continue;
                    }

                    return r;
                }

                if (char.IsHighSurrogate(c))
                {
                    if (j + 1 < _end && char.IsLowSurrogate(text[j + 1]) && CharUnicodeInfo.GetUnicodeCategory(text, j) <= UnicodeCategory.DecimalDigitNumber)
                    {
                        j += 2;
                        continue;
                    }

                    break;
                }

                if ((c == '\u2010' || c == '\u2011') && j + 1 < _end && CharInfo.IsLetterOrDigit(text[j + 1]))
                {
                    j++;
                    continue;
                }

                if (!CharInfo.IsWordChar(c))
                {
                    break;
                }

                if (char.IsUpper(c))
                {
                    upper++;
                }
                else if (char.IsLower(c))
                {
                    lower++;
                }

                j++;
            }

            if (j == i)
            {
                // Defensive: a word start that is not a word character (e.g. a lone combining mark).
                return ScanSymbol(i, 1);
            }

            if (j < _end)
            {
                var next = text[j];
                if (next == '.')
                {
                    var e = ScanPeriodWord(i, j);
                    if (e > 0)
                    {
                        return e;
                    }
                }

                if ((next == '@' || ((next is '.' or '_' or '+') && text.AsSpan(j, Math.Min(64, _end - j)).Contains('@'))) && TryEmail(i, out var mailEnd))
                {
                    Emit(i, mailEnd, TokenKind.Url, TokenFlags.None);
                    return mailEnd;
                }
            }

            Emit(i, j, TokenKind.Word, CaseFlags(text[i], upper, lower));
            return j;
        }

        /// <summary>End of the run of lower-case ASCII letters starting at <paramref name="j"/>.</summary>
        /// <remarks>
        /// Compares eight chars at once: a word's length is unpredictable, so a char-by-char loop pays a branch
        /// misprediction at nearly every word end, while one vector compare and a bit scan find it without one.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int LowerRunEnd(ReadOnlySpan<char> span, int j)
        {
            if (Vector128.IsHardwareAccelerated)
            {
                while (j <= span.Length - Vector128<ushort>.Count)
                {
                    var chars = Vector128.Create(MemoryMarshal.Cast<char, ushort>(span.Slice(j, Vector128<ushort>.Count)));
                    var notLower = Vector128.GreaterThan(chars - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')));
                    var mask = notLower.ExtractMostSignificantBits();
                    if (mask != 0)
                    {
                        return j + BitOperations.TrailingZeroCount(mask);
                    }

                    j += Vector128<ushort>.Count;
                }
            }

            while ((uint)j < (uint)span.Length && char.IsAsciiLetterLower(span[j]))
            {
                j++;
            }

            return j;
        }

        /// <summary>
        /// Apostrophe at <paramref name="j"/> between letters inside the word starting at <paramref name="i"/>. Splits clitics
        /// ("do|n't", "Starmer|'s", "we|'re") and returns the end; returns -1 when the apostrophe belongs to the word ("O'Neill").
        /// </summary>
        private int InternalApostrophe(int i, int j, int upper, int lower)
        {
            var text = _text;
            var k = j + 1;
            while (k < _end && CharInfo.IsLetter(text[k]) && k - j <= 3)
            {
                k++;
            }

            if (k < _end && CharInfo.IsLetterOrDigit(text[k]))
            {
                return -1; // suffix longer than any clitic
            }

            var suffix = text.AsSpan(j + 1, k - j - 1);
            if (IsClitic(suffix))
            {
                Emit(i, j, TokenKind.Word, CaseFlags(text[i], upper, lower));
                Emit(j, k, TokenKind.Word, TokenFlags.Clitic | SuffixCase(suffix));
                return k;
            }

            if (suffix.Length == 1 && (suffix[0] | 0x20) == 't' && j - 1 > i && (text[j - 1] | 0x20) == 'n')
            {
                // n't: "don't" → "do" + "n't", "can't" → "ca" + "n't" (Penn Treebank convention).
                var stemUpper = upper - (char.IsUpper(text[j - 1]) ? 1 : 0);
                var stemLower = lower - (char.IsLower(text[j - 1]) ? 1 : 0);
                Emit(i, j - 1, TokenKind.Word, CaseFlags(text[i], stemUpper, stemLower));
                Emit(j - 1, k, TokenKind.Word, TokenFlags.Clitic | SuffixCase(text.AsSpan(j - 1, k - j + 1)));
                return k;
            }

            return -1;
        }

        private static bool IsClitic(ReadOnlySpan<char> s) => s.Length switch
        {
            1 => (s[0] | 0x20) is 's' or 'd' or 'm',
            2 => ((s[0] | 0x20) == 'r' && (s[1] | 0x20) == 'e') || ((s[0] | 0x20) == 'v' && (s[1] | 0x20) == 'e') || ((s[0] | 0x20) == 'l' && (s[1] | 0x20) == 'l'),
            _ => false,
        };

        private static TokenFlags SuffixCase(ReadOnlySpan<char> s)
        {
            var letters = 0;
            foreach (var ch in s)
            {
                if (char.IsAsciiLetterLower(ch))
                {
                    return TokenFlags.None;
                }

                if (char.IsAsciiLetterUpper(ch))
                {
                    letters++;
                }
            }

            return letters >= 2 ? TokenFlags.AllCaps : TokenFlags.None;
        }

        /// <summary>
        /// Word [i, j) followed by a period: abbreviation from the list ("Mr.", "Ph.D."), dotted acronym ("U.S.A."),
        /// initial ("J."), or bare domain ("example.com"). Returns the end, or -1 for a plain word before a period.
        /// </summary>
        private int ScanPeriodWord(int i, int j)
        {
            var text = _text;

            // Longest listed abbreviation made of letters and periods starting at i.
            var r = j;
            while (r < _end && r - i < Lexicon.MaxAbbreviationLength && (text[r] == '.' || char.IsAsciiLetter(text[r])))
            {
                r++;
            }

            var listedEnd = -1;
            for (var p = r - 1; p >= j; p--)
            {
                if (text[p] != '.')
                {
                    continue;
                }

                var kind = Lexicon.GetAbbreviation(text.AsSpan(i, p + 1 - i));
                if (kind == AbbreviationKind.None)
                {
                    continue;
                }

                if (kind != AbbreviationKind.BeforeNumberOnly || DigitFollows(p + 1))
                {
                    listedEnd = p + 1;
                }

                break;
            }

            if (j == i + 1 && char.IsAsciiLetter(text[i]))
            {
                // Dotted acronym "U.S.A." / "N.Y.P.D." (longer than a listed prefix wins) or initial "J.".
                var m = i;
                var units = 0;
                while (m + 1 < _end && units < 12 && char.IsAsciiLetter(text[m]) && text[m + 1] == '.')
                {
                    units++;
                    m += 2;
                    if (m >= _end || !char.IsAsciiLetter(text[m]) || m + 1 >= _end || text[m + 1] != '.')
                    {
                        break;
                    }
                }

                if (units >= 2 && m > listedEnd && (m >= _end || !char.IsAsciiLetterOrDigit(text[m])))
                {
                    Emit(i, m, TokenKind.Word, TokenFlags.Abbreviation | CaseFlags(text[i], CountUpper(i, m), CountLower(i, m)));
                    return m;
                }

                if (listedEnd < 0 && char.IsAsciiLetterUpper(text[i]) && (i + 2 >= _end || !char.IsAsciiLetter(text[i + 2])))
                {
                    Emit(i, i + 2, TokenKind.Word, TokenFlags.Abbreviation | TokenFlags.Initial | TokenFlags.Capitalized);
                    return i + 2;
                }
            }

            if (listedEnd > 0)
            {
                Emit(i, listedEnd, TokenKind.Word, TokenFlags.Abbreviation | CaseFlags(text[i], CountUpper(i, listedEnd), CountLower(i, listedEnd)));
                return listedEnd;
            }

            if (j + 1 < _end && char.IsAsciiLetterLower(text[j + 1]) && TryDomain(i, j, out var domainEnd))
            {
                Emit(i, domainEnd, TokenKind.Url, TokenFlags.None);
                return domainEnd;
            }

            return -1;
        }

        private readonly int CountUpper(int i, int j)
        {
            var n = 0;
            for (var k = i; k < j; k++)
            {
                n += char.IsAsciiLetterUpper(_text[k]) ? 1 : 0;
            }

            return n;
        }

        private readonly int CountLower(int i, int j)
        {
            var n = 0;
            for (var k = i; k < j; k++)
            {
                n += char.IsAsciiLetterLower(_text[k]) ? 1 : 0;
            }

            return n;
        }

        private readonly bool DigitFollows(int p)
        {
            while (p < _end && (_text[p] == ' ' || _text[p] == '\u00A0'))
            {
                p++;
            }

            return p < _end && char.IsAsciiDigit(_text[p]);
        }

        /// <summary>Bare domain "label.label.tld" with a known top-level domain, optionally followed by a path.</summary>
        private readonly bool TryDomain(int i, int j, out int end)
        {
            var text = _text;
            end = j;
            var k = j;
            var lastLabel = 0;
            var limit = Math.Min(_end, i + 256); // bounded: "a.a.a.…" must not rescan the whole run for every word
            var labels = 0;
            while (k + 1 < limit && labels++ < 8 && text[k] == '.' && char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                var labelStart = k + 1;
                k = labelStart;
                while (k < limit && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '-'))
                {
                    k++;
                }

                lastLabel = labelStart;
            }

            if (lastLabel == 0 || (k < _end && CharInfo.IsLetterOrDigit(text[k])) || !Lexicon.TopLevelDomains.Contains(text.AsSpan(lastLabel, k - lastLabel)))
            {
                return false;
            }

            end = k < _end && text[k] == '/' ? UrlTail(k) : k;
            return true;
        }

        /// <summary>
        /// Cheap pre-check for <see cref="TryUrl"/>: "h" + "t" or "w" + "w". Many common words start with h or w,
        /// and the full prefix comparison would run for each of them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly bool MayStartUrl(int i)
        {
            var first = _text[i] | 0x20;
            if ((first != 'h' && first != 'w') || i + 1 >= _end)
            {
                return false;
            }

            var second = _text[i + 1] | 0x20;
            return first == 'h' ? second == 't' : second == 'w';
        }

        /// <summary>"http://", "https://" or "www." followed by a non-space run, minus trailing punctuation.</summary>
        private readonly bool TryUrl(int i, out int end)
        {
            var s = _text.AsSpan(i, _end - i);
            end = i;
            int prefix;
            if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 8;
            }
            else if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 7;
            }
            else if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 4;
            }
            else
            {
                return false;
            }

            if (prefix >= s.Length || !CharInfo.IsLetterOrDigit(s[prefix]))
            {
                return false;
            }

            end = UrlTail(i + prefix);
            return true;
        }

        /// <summary>Extends a URL to the next separator or quote, then gives back trailing punctuation and unbalanced brackets.</summary>
        private readonly int UrlTail(int k)
        {
            var text = _text;
            var start = k;
            var open = 0;
            while (k < _end)
            {
                var c = text[k];
                if (CharInfo.IsSeparator(c) || c is '"' or '<' or '>' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB' || char.IsSurrogate(c))
                {
                    break;
                }

                if (c == '(')
                {
                    open++;
                }
                else if (c == ')')
                {
                    if (open == 0)
                    {
                        break;
                    }

                    open--;
                }

                k++;
            }

            while (k > start && text[k - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '}')
            {
                k--;
            }

            return k;
        }

        /// <summary>E-mail address starting at <paramref name="i"/>: local@domain.tld.</summary>
        private readonly bool TryEmail(int i, out int end)
        {
            var text = _text;
            end = i;
            var k = i;
            var localLimit = Math.Min(_end, i + 64); // RFC 5321 local-part limit; also keeps this linear
            while (k < localLimit && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '.' or '_' or '%' or '+' or '-'))
            {
                k++;
            }

            if (k == i || k + 1 >= _end || text[k] != '@' || !char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                return false;
            }

            var at = k;
            k++;
            var domainLimit = Math.Min(_end, k + 255);
            while (k < domainLimit && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '.' or '-'))
            {
                k++;
            }

            while (text[k - 1] is '.' or '-')
            {
                k--; // a sentence period after the address is not part of it
            }

            var dot = text.AsSpan(at + 1, k - at - 1).LastIndexOf('.');
            if (dot <= 0 || dot >= k - at - 2)
            {
                return false;
            }

            end = k;
            return true;
        }

        private int ScanNumber(int i)
        {
            var text = _text;
            var j = i + (char.IsHighSurrogate(text[i]) ? 2 : 1);
            while (j < _end)
            {
                var c = text[j];
                if (char.IsAsciiDigit(c))
                {
                    j++;
                }
                else if ((c is ',' or '.' or ':') && j + 1 < _end && char.IsAsciiDigit(text[j + 1]))
                {
                    j += 2; // 1,234.56 and 10:30
                }
                else if (c > 127 && char.IsDigit(c))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (j < _end)
            {
                var c = text[j];
                if (c == '%')
                {
                    j++;
                }
                else if (CharInfo.IsLetter(c) || (c == '-' && j + 1 < _end && CharInfo.IsLetterOrDigit(text[j + 1])))
                {
                    // Unit or suffix: "3.5bn", "21st", "1990s", "24-year-old".
                    while (j < _end)
                    {
                        c = text[j];
                        if (CharInfo.IsLetterOrDigit(c))
                        {
                            j++;
                        }
                        else if (c == '-' && j + 1 < _end && CharInfo.IsLetterOrDigit(text[j + 1]))
                        {
                            j++;
                        }
                        else
                        {
                            break;
                        }
                    }
                }
                else if ((c == '\'' || c == '\u2019') && j + 1 < _end && (text[j + 1] | 0x20) == 's' && (j + 2 >= _end || !CharInfo.IsLetterOrDigit(text[j + 2])))
                {
                    Emit(i, j, TokenKind.Number, TokenFlags.None);
                    Emit(j, j + 2, TokenKind.Word, TokenFlags.Clitic); // "1990's"
                    return j + 2;
                }
            }

            Emit(i, j, TokenKind.Number, TokenFlags.None);
            return j;
        }

        private static TokenFlags CaseFlags(char first, int upper, int lower)
        {
            var flags = TokenFlags.None;
            if (char.IsUpper(first))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (upper >= 2 && lower == 0)
            {
                flags |= TokenFlags.AllCaps;
            }

            return flags;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Emit(int start, int end, TokenKind kind, TokenFlags flags)
        {
            if (_space)
            {
                flags |= TokenFlags.SpaceBefore;
                _space = false;
            }

            if (end < _text.Length && CharInfo.IsSeparator(_text[end]))
            {
                flags |= TokenFlags.SpaceAfter;
            }

            var buffer = Buffer;
            var count = Count;
            if ((uint)count >= (uint)buffer.Length)
            {
                buffer = Grow();
            }

            buffer[count] = new Token(start, end, kind, flags); // the unsigned test above lets the JIT drop the bounds check
            Count = count + 1;
        }

        /// <summary>Doubles <see cref="Buffer"/>; kept out of <see cref="Emit"/> so the inlined hot path stays small.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private Token[] Grow()
        {
            Array.Resize(ref Buffer, Math.Max(16, Buffer.Length * 2));
            return Buffer;
        }
    }
}
