using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuoteExtraction.Claims;

/// <summary>
/// Finds quantities in English news text: numbers in digits and words, scales, currencies, percentages, ranges,
/// bounds and hedges, stated changes, units and the counted thing; dates, years, times, ordinals, ranks and
/// labels are returned too but with their own <see cref="QuantityKind"/> so they can be kept apart.
/// </summary>
/// <remarks>
/// The grammar is hand-written and runs on spans: one vectorised pass finds digits and number words, and each
/// candidate is read by a small left-to-right scanner with span look-ups in small word hash tables. Nothing here uses
/// regular expressions, so the cost is proportional to the text plus the candidates. See README "Quantities" for the
/// grammar.
/// </remarks>
public static class QuantityParser
{
    private const int MaxNumberChars = 40;
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    [ThreadStatic]
    private static List<Quantity>? s_found;

    [ThreadStatic]
    private static NounEntry[]? s_nouns;
    private static readonly SearchValues<char> CurrencySymbols = SearchValues.Create("$£€¥₹₩₽₪");

    /// <summary>Finds the quantities in <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The quantities in text order.</returns>
    public static IReadOnlyList<Quantity> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0, text.Length);
    }

    /// <summary>Finds the quantities that start in [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>; offsets stay relative to the whole text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Offset of the first character to scan.</param>
    /// <param name="end">Offset just past the last character to scan; nothing past it is read.</param>
    /// <returns>The quantities in text order.</returns>
    public static IReadOnlyList<Quantity> Parse(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        // Quantities are collected in a list kept per thread, then copied to one of the exact size: no list grows
        // (and is thrown away) per call.
        var found = s_found ?? new List<Quantity>(256);
        s_found = null;
        var scanner = new Scanner(text, start, end);
        var pos = start;
        var candidates = new NumberWordSearch.Cursor(text, end, digits: true);
        while (pos < end)
        {
            // Digits and number words are found in one pass; every region is read once, as the scan only moves on.
            var candidate = candidates.Next(pos);
            if (candidate >= end)
            {
                break;
            }

            var resume = char.IsAsciiDigit(text[candidate])
                ? scanner.AtDigit(candidate, found)
                : scanner.AtWord(candidate, found);
            pos = Math.Max(resume, candidate + 1);
        }

        IReadOnlyList<Quantity> result = found.Count == 0 ? [] : found.GetRange(0, found.Count);
        found.Clear();
        s_found = found;
        return result;
    }

    /// <summary>The scanner for one text and range.</summary>
    private ref struct Scanner(string text, int start, int end)
    {
        private readonly string _t = text;

        // The text as a span, made once: precompiled (ReadyToRun) code cannot inline String.GetPinnableReference or
        // GetRawStringData, and called one on every char read or slice until the method was recompiled.
        private readonly ReadOnlySpan<char> _span = text;
        private readonly int _start = start;
        private readonly int _end = end;

        // The last two WordBefore answers: the grammar asks for the word before a quantity's start many times over
        // (months, bounds, labels, changes), and the answer for an offset never changes.
        private int _wordBeforeAt0 = -1, _wordBefore0, _wordBeforeAt1 = -1, _wordBefore1;

        // The hottest helper: one unsigned range check, after which the string's own bounds check is redundant.
        // Unchecked: callers keep i in [_start, _end), inside the text.
        private readonly char C(int i) => Unsafe.Add(ref MemoryMarshal.GetReference(_span), i);

        private char At(int i) => (uint)(i - _start) < (uint)(_end - _start) ? C(i) : '\0';

        private readonly ReadOnlySpan<char> Slice(int from, int to) => to > from && from >= 0 ? _span.Slice(from, to - from) : [];

        // ---------------------------------------------------------------- entry points

        public int AtDigit(int p, List<Quantity> found)
        {
            // Leading-dot decimals: " .001 per cent".
            var numberStart = p;
            if (At(p - 1) == '.' && !char.IsDigit(At(p - 2)) && !char.IsLetter(At(p - 2)))
            {
                numberStart = p - 1;
            }

            var runEnd = p;
            while (runEnd < _end && char.IsAsciiDigit(C(runEnd)))
            {
                runEnd++;
            }

            // Alphanumeric identifiers (A320, CO2, M21, covid-19): skip unless the letters are a currency prefix.
            var prefix = ReadCurrencyPrefix(numberStart, out var currency, out var currencyNorm, out var sign);
            if (currency is null && LetterBefore(numberStart))
            {
                return SkipAlnumEnd(runEnd);
            }

            if (!TryReadDigits(numberStart, out var value, out var numEnd, out var plain, out var intDigits))
            {
                return SkipAlnumEnd(runEnd);
            }

            var item = new Item { Start = prefix, NumberStart = numberStart, Value = value, RawValue = value, End = numEnd, Currency = currency, CurrencyNorm = currencyNorm };
            if (sign == '-')
            {
                item.Value = -item.Value;
            }
            else if (sign == '+')
            {
                item.Change = "up";
                item.Role = QuantityChangeRole.Amount;
            }

            // Negative numbers written "minus 5", "minus-130", "-5" after a space.
            if (sign == '\0' && currency is null)
            {
                var minus = MinusBefore(numberStart);
                if (minus >= 0)
                {
                    item.Value = -item.Value;
                    item.Start = minus;
                }
            }

            // Digits after letters+hyphen are names: "F-150", "TA-35" (but not "sub-7", "minus-5").
            if (currency is null && At(item.Start - 1) == '-' && char.IsLetter(At(item.Start - 2)))
            {
                var w = WordBefore(item.Start - 1);
                if (!(Slice(w, item.Start - 1) is "sub" or "now" or "over" or "under" or "nearly" or "about" or "around" or "some" or "just" or "approximately" or "roughly" or "minus" or "plus"))
                {
                    return SkipAlnumEnd(numEnd);
                }
            }

            var c = At(numEnd);
            // Clock times: 10:30, 4:39, 5pm, 10.45pm.
            if (c == ':' && char.IsAsciiDigit(At(numEnd + 1)) && plain)
            {
                var e = numEnd + 1;
                while (char.IsAsciiDigit(At(e)))
                {
                    e++;
                }

                e = SkipMeridiem(e);
                item.End = e;
                item.Kind = QuantityKind.Time;
                Add(found, in item);
                return e;
            }

            var meridiem = SkipMeridiem(numEnd);
            if (meridiem > numEnd && currency is null && value <= 12.6)
            {
                item.End = meridiem;
                item.Kind = QuantityKind.Time;
                Add(found, in item);
                return meridiem;
            }

            // Wire times of day, four (or three) bare digits: "by 1200 GMT", "at 0930 hrs EST", "1700 local time".
            if (intDigits is 3 or 4 && numEnd - numberStart == intDigits && currency is null && ZoneStart(c == ' ' ? At(numEnd + 1) : c)
                && value % 100 < 60 && value <= 2400)
            {
                var timeEnd = ClockZoneEnd(numberStart, numEnd);
                if (timeEnd > numEnd)
                {
                    item.End = timeEnd;
                    item.Kind = QuantityKind.Time;
                    Add(found, in item);
                    return timeEnd;
                }
            }

            // Fractions 1/16, 1⁄32; other slashes (dates 9/11, 24/7) are not quantities.
            if ((c == '/' || c == '⁄') && char.IsAsciiDigit(At(numEnd + 1)) && plain)
            {
                var e = numEnd + 1;
                while (char.IsAsciiDigit(At(e)))
                {
                    e++;
                }

                if (e - numEnd - 1 <= 3 && !char.IsLetterOrDigit(At(e)) && At(e) != '/')
                {
                    var den = double.Parse(Slice(numEnd + 1, e), CultureInfo.InvariantCulture);
                    if (den > value && den is 2 or 3 or 4 or 5 or 6 or 8 or 10 or 12 or 16 or 32 or 64 or 100 or 128)
                    {
                        item.Value = value / den;
                        item.End = e;
                        return Finish(ref item, found, isOne: false);
                    }
                }

                return SkipAlnumEnd(e);
            }

            // Ordinals: 21st, 3rd, 96th.
            if (plain && IsOrdinalSuffix(numEnd, out var ordEnd))
            {
                item.Kind = LabelBefore(item.Start) ? QuantityKind.Rank : QuantityKind.Ordinal;
                item.End = ordEnd;
                Add(found, in item);
                return ordEnd;
            }

            // Decades: 1990s, '90s, 2022's.
            if (plain && intDigits is 4 or 2 && DecadeSuffix(numEnd, out var decEnd) && (intDigits == 4 || At(numberStart - 1) is '\'' or '’'))
            {
                item.End = decEnd;
                item.Kind = QuantityKind.Year;
                Add(found, in item);
                return decEnd;
            }

            // Ranks: "No. 1", "#3".
            if (currency is null && (At(item.Start - 1) == '#' || (At(SkipSpaceBack(item.Start) - 1) == '.' && (PreviousWordIs(item.Start, "No.") || PreviousWordIs(item.Start, "Nos.")))))
            {
                item.Kind = QuantityKind.Rank;
                Add(found, in item);
                return numEnd;
            }

            item.Plain = plain;
            item.IntDigits = intDigits;
            return Continue(ref item, found, isOne: false);
        }

        public int AtWord(int p, List<Quantity> found)
        {
            var wordEnd = WordEnd(p);
            var word = Slice(p, wordEnd);
            if (QuantityWords.Ordinals.TryGetValue(word, out var ordinal) && !QuantityWords.Numbers.ContainsKey(word))
            {
                // "a third of", "two thirds" are fractions; "third" alone is an ordinal.
                var article = ArticleBefore(p);
                if (!(article >= 0 && QuantityWords.Denominators.ContainsKey(word) && NextWordIs(wordEnd, "of")))
                {
                    if (!word.Equals("second", StringComparison.OrdinalIgnoreCase) && At(wordEnd) != '-')
                    {
                        Add(found, new Item { Start = p, NumberStart = p, End = wordEnd, Value = ordinal, Kind = QuantityKind.Ordinal });
                    }

                    return wordEnd;
                }
            }

            if (!TryReadWordNumber(p, out var item))
            {
                return wordEnd;
            }

            var isOne = item.Value == 1 && !item.Vague && !item.Fraction && item.End == wordEnd && !item.Article;
            return Continue(ref item, found, isOne);
        }

        // ---------------------------------------------------------------- after the number: scale, range, unit

        // The item is the caller's, which returns right after: it is changed in place rather than copied, as are the
        // items passed to Emit.
        private int Continue(ref Item item, List<Quantity> found, bool isOne)
        {
            // A ratio ("a 3-for-2 stock split", "a one-for-five rights issue") counts nothing: neither number is kept.
            if (At(item.End) is '-' or ' ' && (At(item.End + 1) | 0x20) == 'f')
            {
                var ratioEnd = RatioEnd(item.End);
                if (ratioEnd > 0)
                {
                    return ratioEnd;
                }
            }

            ReadScale(ref item);
            // "one mln" is a million, not the pronoun or determiner "one".
            isOne &= !item.Scaled;

            // Dates and years.
            if (item.Currency is null && item.Plain && !item.Scaled)
            {
                var before = WordBefore(item.Start);
                var beforeWord = TrimDot(Slice(before, SkipSpaceBack(item.Start)));
                var monthBefore = before < item.Start && QuantityWords.Months.Contains(beforeWord);
                if ((monthBefore && item.Value is >= 1 and <= 31 && item.IntDigits <= 2)
                    || (item.IntDigits <= 2 && item.Value is >= 1 and <= 31 && MonthAfter(item.End)))
                {
                    item.Kind = QuantityKind.Date;
                    Add(found, in item);
                    return item.End;
                }

                // After a month a unit word names what the year dates ("its June 1985 Swiss franc bond"), never its unit;
                // so does one followed by the amount it is the unit of ("a 1982 Swiss franc 400 mln issue").
                if (item.IntDigits == 4 && item.Value is >= 1500 and <= 2100 && (monthBefore || (!UnitOfThisAfter(item.End) && !HasBoundBefore(item.Start))))
                {
                    item.Kind = QuantityKind.Year;
                    if (!IsRangeConnector(item.End, out _, out _) || monthBefore)
                    {
                        Add(found, in item);
                        return item.End;
                    }

                    // "between 2014 and 2017", "2019-2020": a span of years.
                    return AddYears(ref item, found);
                }
            }

            // Ranges: 40-50, 40 to 50, between 40 and 50.
            if (IsRangeConnector(item.End, out _, out _) && !(IsToAt(item.End) && IsChangeAmountContext(item.Start)) && TryReadRangeEnd(in item, out var high))
            {
                ReadUnit(ref high, isOne: false);
                var unitsAgree = item.UnitNorm is null || high.UnitNorm is null || item.UnitNorm == high.UnitNorm
                    || (FromBefore(item.Start) && high.UnitNorm is not null && item.UnitNorm.StartsWith(high.UnitNorm, StringComparison.Ordinal));
                if (unitsAgree)
                {
                    var low = item.Value;
                    var hi = high.Value;
                    if (!item.Scaled && high.Scaled && item.RawValue < high.RawValue)
                    {
                        low *= high.Scale;
                    }

                    ref var merged = ref high;
                    merged.Start = item.Start;
                    merged.NumberStart = item.NumberStart;
                    merged.Value = Math.Min(low, hi);
                    merged.Low = Math.Min(low, hi);
                    merged.High = Math.Max(low, hi);
                    merged.Currency = item.Currency ?? high.Currency;
                    merged.CurrencyNorm = item.CurrencyNorm ?? high.CurrencyNorm;
                    merged.Change = item.Change;
                    merged.Role = item.Role;
                    if (merged.Unit is null && item.Unit is not null)
                    {
                        merged.Unit = item.Unit;
                        merged.UnitNorm = item.UnitNorm;
                        merged.Kind = item.Kind;
                    }

                    if (merged.Unit is null && merged.Currency is not null)
                    {
                        merged.Unit = merged.Currency;
                        merged.UnitNorm = merged.CurrencyNorm;
                        merged.Kind = QuantityKind.Money;
                    }

                    return Emit(ref merged, found);
                }
            }

            var hyphenated = item.Word && !item.Scaled && At(item.End) == '-';
            ReadUnit(ref item, isOne);
            if (isOne && item.Unit is null)
            {
                return item.End;
            }

            // "a five-year deal", "a two-month contract": adjectival word numbers are not claims (ages are: "five-year-old").
            if (hyphenated && item.Kind == QuantityKind.Measure && item.UnitNorm is not null && !item.UnitNorm.Contains("of age", StringComparison.Ordinal))
            {
                return item.End;
            }

            // A range with the unit on both ends: "1 per cent to 1.5 per cent", "between 5% and 6%", "from 208 pounds to 193".
            if (item.Unit is not null && IsRangeConnector(item.End, out _, out _) && !(IsToAt(item.End) && IsChangeAmountContext(item.Start)) && TryReadRangeEnd(in item, out var second))
            {
                ReadUnit(ref second, isOne: false);
                if ((second.UnitNorm is not null && second.UnitNorm == item.UnitNorm && second.Kind == item.Kind)
                    || (second.Unit is null && second.Currency is null && FromBefore(item.Start)))
                {
                    var lowValue = item.Value;
                    item.End = second.End;
                    item.Value = Math.Min(lowValue, second.Value);
                    item.Low = Math.Min(lowValue, second.Value);
                    item.High = Math.Max(lowValue, second.Value);
                    return Emit(ref item, found);
                }
            }

            if (isOne && IsPronounOne(item.Start))
            {
                return item.End;
            }

            return Emit(ref item, found);
        }

        private int Finish(ref Item item, List<Quantity> found, bool isOne)
        {
            ReadUnit(ref item, isOne);
            return Emit(ref item, found);
        }

        // The end of "-for-2", "-for-one" or " for five" + a share-issue noun after a number, or -1. Spaced, the
        // form is as often a price ("three for 200 dlrs", "£111 for two children"), so a noun must show the ratio.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int RatioEnd(int p)
        {
            var c = At(p);
            if ((At(p + 2) | 0x20) != 'o' || (At(p + 3) | 0x20) != 'r' || At(p + 4) != c)
            {
                return -1;
            }

            var q = p + 5;
            var e = q;
            while (char.IsAsciiDigit(At(e)))
            {
                e++;
            }

            if (e == q)
            {
                e = WordEnd(q);
                if (e == q || !QuantityWords.Numbers.ContainsKey(Slice(q, e)))
                {
                    return -1;
                }
            }
            else if (char.IsLetter(At(e)))
            {
                return -1;
            }

            if (c == ' ')
            {
                var n = SkipSpace(e);
                var w = Slice(n, WordEnd(n));
                if (n == e || !(w.Equals("split", StringComparison.OrdinalIgnoreCase) || w.Equals("stock", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("reverse", StringComparison.OrdinalIgnoreCase) || w.Equals("basis", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("bonus", StringComparison.OrdinalIgnoreCase) || w.Equals("rights", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("scrip", StringComparison.OrdinalIgnoreCase) || w.Equals("share", StringComparison.OrdinalIgnoreCase)))
                {
                    return -1;
                }
            }

            return e;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private int AddYears(ref Item item, List<Quantity> found)
        {
            if (TryReadRangeEnd(in item, out var other) && other.IntDigits == 4 && other.Value is >= 1500 and <= 2100)
            {
                item.End = other.End;
                item.Low = item.Value;
                item.High = other.Value;
            }

            Add(found, in item);
            return item.End;
        }

        private int Emit(ref Item item, List<Quantity> found)
        {
            // Numbers scaled by a word are amounts, never house numbers or labels: "30 mln N.Z. Dlrs", "SELLS TWO MLN
            // SHARES" (a letter may still be a name: "Flora Lite 5K Road Race", "LCA 100K").
            var scaledByWord = item.Scaled && char.IsLetter(At(item.End - 2));
            if (item.Kind is QuantityKind.Count && item.Unit is null && item.Currency is null && item.Plain && !scaledByWord && IsAddress(item.End))
            {
                item.Kind = QuantityKind.Other;
            }

            if (item.Kind is QuantityKind.Count && item.Currency is null && item.Unit is null && item.Plain && !scaledByWord && LabelBefore(item.Start))
            {
                item.Kind = QuantityKind.Other;
            }

            if (item.Kind is not QuantityKind.Other)
            {
                ReadLeftContext(ref item);
            }

            var q = item.ToQuantity(_t);
            // A conversion in parentheses inherits the bound and change: "more than 7.5m crowns (US$1.1m)".
            if (found.Count > 0 && q.Kind is not QuantityKind.Other)
            {
                var previous = found[^1];
                var gap = Slice(previous.End, q.Start).Trim();
                if (gap is "(" or "/" or "(about" && previous.IsQuantity && q.Bound == QuantityBound.Equal && q.Change is null)
                {
                    q = q with { Bound = previous.Bound, Change = previous.Change, ChangeRole = previous.ChangeRole };
                }
            }

            Add(found, q);
            return item.End;
        }

        private static void Add(List<Quantity> found, Quantity q) => found.Add(q);

        private void Add(List<Quantity> found, in Item item) => found.Add(item.ToQuantity(_t));

        private void ReadScale(ref Item item)
        {
            var p = item.End;
            var scaled = false;
            for (var n = 0; n < 3; n++)
            {
                // A scale word may follow a hyphen in an adjective: "a 15-mln-dlr contract", "a 2-billion-yen loan".
                var hyphen = n == 0 && At(p) == '-';
                var glued = !hyphen && At(p) is not ' ' and not '\u00A0';
                var q = glued ? p : p + 1;
                if (!char.IsLetter(At(q)))
                {
                    break;
                }

                var e = WordEnd(q);
                var w = Slice(q, e);
                double scale;
                // Single letters scale only where a million or thousand is meant ("$5m", "5M", "10k"). The wire's "mln" and
                // "mn" are millions wherever they stand ("49.1 mln shares"); "mil" alone also measures thickness, so it
                // scales only glued or after a currency ("5mil", "$5 mil").
                if (w.Length == 1 && !hyphen && (w[0] == 'M' || (w[0] == 'm' && item.Currency is not null && glued) || ((w[0] is 'k' or 'K') && glued) || (w[0] == 'B' && glued && item.Currency is not null)))
                {
                    scale = w[0] switch { 'M' or 'm' => 1e6, 'B' => 1e9, _ => 1e3 };
                    if (w[0] == 'M' && !glued && item.Currency is null)
                    {
                        break;
                    }
                }
                else if (!QuantityWords.Scales.TryGetValue(w, out scale) || (!glued && item.Currency is null && w.Equals("mil", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }

                if (At(e) == 's' || (char.IsLetter(At(e)) && !UnitAt(e)))
                {
                    break;
                }

                // "4 hundred million": scales multiply; "hundreds of" is vague and read by the word grammar.
                item.Value *= scale;
                item.Scale = scaled ? item.Scale * scale : scale;
                scaled = true;
                p = e;
            }

            if (scaled)
            {
                item.Scaled = true;
                item.End = p;
            }
        }

        private bool TryReadRangeEnd(in Item low, out Item high)
        {
            high = default;
            if (!IsRangeConnector(low.End, out var next, out var isAnd))
            {
                return false;
            }

            if (isAnd && !PreviousWordIs(low.Start, "between"))
            {
                return false;
            }

            // Currency again: "$3 billion to $5 billion".
            var p = next;
            string? currency = null, currencyNorm = null;
            var symEnd = ReadCurrencyAhead(p, out currency, out currencyNorm);
            p = symEnd;
            if (char.IsAsciiDigit(At(p)))
            {
                if (!TryReadDigits(p, out var v, out var e, out var plain, out var digits) || char.IsLetter(At(p - 1)) && currency is null)
                {
                    return false;
                }

                high = new Item { Start = next, NumberStart = p, Value = v, End = e, Plain = plain, IntDigits = digits, Currency = currency ?? low.Currency, CurrencyNorm = currencyNorm ?? low.CurrencyNorm };
                if (At(e) == ':' || At(e) == '/' || At(e) == '.' && char.IsAsciiDigit(At(e + 1)))
                {
                    return false;
                }
            }
            else if (char.IsLetter(At(p)) && low.Word)
            {
                if (!TryReadWordNumber(p, out high) || high.Vague)
                {
                    return false;
                }

                high.Currency = low.Currency;
                high.CurrencyNorm = low.CurrencyNorm;
            }
            else
            {
                return false;
            }

            high.RawValue = high.Value;
            ReadScale(ref high);
            // "or" joins alternatives of one size ("two or three", "5 or 6 mln", "140 or 138"); a figure ten times
            // smaller after "or", or one of another scale after a unit, is another measure of the same thing:
            // "15.9 mln dlrs or 5.86 dlrs per share", "699,800 or 9.1 pct", "a 90.25 dlr or 384 mln dlr offer".
            if (next - low.End == 4 && At(low.End + 1) == 'o' && (high.Value * 10 < low.Value || (low.Unit is not null && low.Scaled != high.Scaled)))
            {
                return false;
            }

            return true;
        }

        private bool IsRangeConnector(int p, out int next, out bool isAnd)
        {
            isAnd = false;
            next = p;
            var c = At(p);
            if ((c is '-' or '–' or '—') && (char.IsAsciiDigit(At(p + 1)) || CurrencySymbols.Contains(At(p + 1))))
            {
                next = p + 1;
                return true;
            }

            if (c != ' ')
            {
                return false;
            }

            var q = p + 1;
            var d = At(q);
            if ((d is '–' or '—' or '-') && At(q + 1) == ' ')
            {
                next = q + 2;
                return true;
            }

            if (d == 't' && At(q + 1) == 'o' && At(q + 2) is ' ' or '-')
            {
                next = q + 3;
                isAnd = false;
                return true;
            }

            if (d == 'o' && At(q + 1) == 'r' && At(q + 2) == ' ' && (char.IsAsciiDigit(At(q + 3)) || IsNumberWordAt(q + 3)))
            {
                next = q + 3;
                return true;
            }

            if (d == 'a' && At(q + 1) == 'n' && At(q + 2) == 'd' && At(q + 3) == ' ')
            {
                isAnd = true;
                next = q + 4;
                return true;
            }

            return false;
        }

        // ---------------------------------------------------------------- units

        private void ReadUnit(ref Item item, bool isOne)
        {
            var p = item.End;
            if (item.Currency is not null)
            {
                item.Kind = QuantityKind.Money;
                item.Unit = item.Currency;
                item.UnitNorm = item.CurrencyNorm;
                // "$76 US", "$1.25 sterling".
                var q = SkipSpace(p);
                var e = WordEnd(q);
                var isUs = Slice(q, e) is "US";
                var isUsDots = !isUs && Slice(q, Math.Min(q + 4, _end)) is "U.S." && !char.IsLetter(At(q + 4));
                if (q > p && (isUs || isUsDots))
                {
                    var stop = isUs ? e : q + 4;
                    item.Unit += " " + _t[q..stop];
                    p = stop;
                }
                else if (q > p && Slice(q, e).Equals("sterling", StringComparison.OrdinalIgnoreCase))
                {
                    item.Unit += " sterling";
                    item.UnitNorm = "pound sterling";
                    p = e;
                }

                item.End = p;
                ReadPer(ref item);
                return;
            }

            if (TryMatchUnit(p, out var uStart, out var uEnd, out var entry))
            {
                var form = Slice(uStart, uEnd);
                item.Unit = form.SequenceEqual(entry.Form) ? entry.Form : form.ToString();
                item.UnitNorm = entry.Normalized;
                item.Kind = entry.Kind switch
                {
                    UnitKind.Money => QuantityKind.Money,
                    UnitKind.Percent => QuantityKind.Percent,
                    UnitKind.Count => QuantityKind.Count,
                    _ => QuantityKind.Measure,
                };
                // "£" aside, "5m pounds" is money; "5 mln lbs" stays a weight.
                if (entry.Normalized == "pound-mass" && item.Scaled && entry.Form is not ("lbs" or "lb"))
                {
                    item.UnitNorm = "pound sterling";
                    item.Kind = QuantityKind.Money;
                }

                item.End = uEnd;
                if (item.Kind is QuantityKind.Money or QuantityKind.Measure or QuantityKind.Count)
                {
                    ReadPer(ref item);
                }

                ReadMeasured(ref item);
                return;
            }

            // A fraction of a unit: "1/16 of a US pint".
            if (item.Value < 1 && item.Value > 0 && At(p) == ' ' && NextWordIs(p, "of"))
            {
                var d = p + 4;
                var de = WordEnd(d);
                if (QuantityWords.Determiners.Contains(Slice(d, de)) && At(de) == ' ')
                {
                    d = de + 1;
                    de = WordEnd(d);
                }

                if (Slice(d, de) is "US" or "UK" or "imperial" && At(de) == ' ')
                {
                    d = de + 1;
                }

                if (TryMatchUnit(d, out var fs, out var fe, out var fentry) && fentry.Kind is UnitKind.Measure)
                {
                    item.Unit = _t[fs..fe];
                    item.UnitNorm = fentry.Normalized;
                    item.Kind = QuantityKind.Measure;
                    return;
                }
            }

            // A counted noun: "6,632 migrants", "40 countries", "one of the best speakers".
            item.Kind = QuantityKind.Count;
            var s = p;
            if (At(s) is ' ' or '-')
            {
                s++;
            }
            else if (char.IsLetter(At(s)))
            {
                return;
            }

            // Bare "marks" and "crowns" also count things ("full marks", "three crowns"), so they are money only where
            // the number shows it: a scale word ("1.775 billion marks", "a 200 mln crown tranche", the wire's Deutsche
            // marks and Nordic crowns) or a price's decimals ("1.8218 marks", "26.95 marks").
            if (At(s) is 'm' or 'c' or 'M' or 'C' && IsMarkOrCrown(s, out var moneyEnd, out var moneyNorm) && (item.Scaled || IsPriceDecimal(in item)))
            {
                var form = Slice(s, moneyEnd);
                item.Kind = QuantityKind.Money;
                item.Unit = form is "marks" ? "marks" : form is "crowns" ? "crowns" : form.ToString();
                item.UnitNorm = moneyNorm;
                item.End = moneyEnd;
                ReadPer(ref item);
                ReadMeasured(ref item);
                return;
            }

            if (isOne || item.Fraction || item.Vague)
            {
                // "one of the proudest moments", "two thirds of the members": "of" + determiner + phrase.
                var w = WordEnd(s);
                if (Slice(s, w) is "of" && At(w) == ' ')
                {
                    var d = w + 1;
                    var de = WordEnd(d);
                    if (QuantityWords.Determiners.Contains(Slice(d, de)) && At(de) == ' ')
                    {
                        d = de + 1;
                        var me = WordEnd(d);
                        if (Slice(d, me) is "most" or "least" && At(me) == ' ')
                        {
                            d = me + 1;
                        }
                    }
                    else if (!item.Vague)
                    {
                        return;
                    }

                    if (item.Fraction)
                    {
                        ReadNounPhrase(d, plural: false, out var fs, out var fe, out var fh);
                        if (fe > fs)
                        {
                            item.Measured = _t[fs..fe];
                        }

                        return;
                    }

                    // "billions of dollars", "thousands of tonnes": the lexicon's money and measures, not counted nouns.
                    // Like a scaled figure, "millions of pounds" is money.
                    if (item.Vague && TryMatchUnit(d, out var vs, out var ve, out var vague) && vague.Kind is UnitKind.Money or UnitKind.Measure)
                    {
                        var form = Slice(vs, ve);
                        item.Unit = form.SequenceEqual(vague.Form) ? vague.Form : form.ToString();
                        item.UnitNorm = vague.Normalized;
                        item.Kind = vague.Kind is UnitKind.Money ? QuantityKind.Money : QuantityKind.Measure;
                        if (vague.Normalized == "pound-mass" && vague.Form is not ("lbs" or "lb"))
                        {
                            item.UnitNorm = "pound sterling";
                            item.Kind = QuantityKind.Money;
                        }

                        item.End = ve;
                        return;
                    }

                    if (ReadNounPhrase(d, plural: true, out var ns, out var ne, out var head))
                    {
                        (item.Unit, item.UnitNorm) = CountedNoun(ns, ne, head);
                        item.End = item.Vague ? ne : item.End;
                    }

                    return;
                }
            }

            if (item.Fraction)
            {
                return;
            }

            var plural = !(item.Value == 1 && !item.IsRangeLike);
            if (ReadNounPhrase(s, plural, out var start, out var end, out var headStart))
            {
                (item.Unit, item.UnitNorm) = CountedNoun(start, end, headStart);
                item.End = end;
                ReadMeasured(ref item);
            }
        }

        private bool IsMarkOrCrown(int p, out int end, out string norm)
        {
            end = WordEnd(p);
            var w = Slice(p, end);
            var plural = w.Length > 0 && (w[^1] | 0x20) == 's';
            var stem = plural ? w[..^1] : w;
            norm = stem.Equals("mark", StringComparison.OrdinalIgnoreCase) ? "mark" : stem.Equals("crown", StringComparison.OrdinalIgnoreCase) ? "crown" : "";
            if (norm.Length == 0 || char.IsDigit(At(end)))
            {
                return false;
            }

            // The singular is money only before the noun it prices ("a 400 mln mark deficit", "a 1.2 billion crown
            // contract"); alone it is a milestone: "broke the 100 million mark", "below the three million mark before long".
            var n = end + 1;
            return plural || (At(end) is ' ' or '-' && char.IsLetter(At(n)) && !QuantityWords.Stop.Contains(Slice(n, WordEnd(n))));
        }

        // Two or more digits after the point: a price or rate, not a score ("7.5 marks" may be one).
        private bool IsPriceDecimal(in Item item)
        {
            if (item.Word)
            {
                return false;
            }

            var dot = _span[item.NumberStart..item.End].IndexOf('.');
            return dot >= 0 && item.End - (item.NumberStart + dot + 1) >= 2;
        }

        private bool TryMatchUnit(int p, out int start, out int end, out UnitEntry entry)
        {
            start = end = 0;
            entry = default;
            var s = p;
            var c = At(s);
            if (c is ' ' or '\u00A0' or '-')
            {
                s++;
                if (At(s) == ' ')
                {
                    return false;
                }
            }

            if (At(s) == '%')
            {
                start = s;
                end = s + 1;
                entry = new UnitEntry("percentage", UnitKind.Percent, "%");
                return true;
            }

            if (!char.IsLetter(At(s)) && At(s) is not '°' and not 'º' and not '″' and not '€' and not '£' and not '$')
            {
                return false;
            }

            // Longest match over up to four words (spaces, hyphens and slashes inside forms). Most words start no
            // form, so the first word's look-up also bounds how many words are worth trying.
            var limit = Math.Min(_end, s + UnitLexicon.MaxLength);
            // An inline array, not stackalloc: a method with a loop and stackalloc gets a stack-cookie check and skips
            // tiered compilation.
            var wordEnds = default(UnitWordEnds);
            Span<int> ends = wordEnds;
            var count = 0;
            var maxWords = 4;
            UnitStart? first = null;
            var e = s;
            while (count < maxWords && e < limit)
            {
                var we = UnitWordEnd(e, limit);

                if (we == e)
                {
                    break;
                }

                ends[count++] = we;
                if (count == 1)
                {
                    first = UnitLexicon.StartOf(Slice(s, we));
                    maxWords = Math.Min(maxWords, first?.MaxWords ?? 0);
                }

                if (we >= limit || At(we) is not (' ' or '-' or '/' or '.'))
                {
                    break;
                }

                // Dotted forms go on past the dot and its space: "U.S. dollars", "sq. m".
                e = we + 1;
                if (At(we) == '.' && At(e) == ' ')
                {
                    e++;
                }
            }

            count = Math.Min(count, maxWords);
            for (var k = count - 1; k >= 0; k--)
            {
                var form = Slice(s, ends[k]);
                // Forms end at a word boundary: "5 m" yes, "5 more" no. One word was looked up with its start.
                if (!char.IsLetterOrDigit(At(ends[k])) && (k == 0 ? UnitLexicon.TryGetWord(first!, form, out entry) : UnitLexicon.TryGet(form, out entry)))
                {
                    start = s;
                    end = ends[k];
                    return true;
                }
            }

            return false;
        }

        private bool UnitAfter(int p) => At(p) == '%' || TryMatchUnit(p, out _, out _, out _);

        private bool UnitOfThisAfter(int p) => At(p) == '%' || (TryMatchUnit(p, out _, out var e, out _) && !(At(e) == ' ' && char.IsAsciiDigit(At(e + 1))));

        private bool UnitAt(int p) => TryMatchUnit(p, out _, out _, out _);

        private void ReadPer(ref Item item)
        {
            // "$58.24 per barrel", "$3,500 a month", "63 cents per share".
            var p = item.End;
            if (At(p) != ' ')
            {
                return;
            }

            var w = WordEnd(p + 1);
            var word = Slice(p + 1, w);
            if (!(word is "per" or "a" or "an") || At(w) != ' ' || (item.Kind != QuantityKind.Money && word is not "per"))
            {
                return;
            }

            var n = w + 1;
            var ne = WordEnd(n);
            if (ne == n)
            {
                return;
            }

            string norm;
            if (TryMatchUnit(w, out var us, out var ue, out var entry) && entry.Kind is UnitKind.Measure)
            {
                norm = entry.Normalized;
                ne = ue;
            }
            else
            {
                var noun = Slice(n, ne);
                if (QuantityWords.Stop.Contains(noun) && !(noun is "year" or "month" or "week" or "day"))
                {
                    return;
                }

                if (char.IsUpper(noun[0]) && noun is not "mmBTU")
                {
                    return;
                }

                if (!(word is "per") && !IsPerNoun(noun))
                {
                    return;
                }

                // "shr" is the wire's share: "25 cts per shr".
                norm = noun is "shr" ? "share" : Singular(noun).ToLowerInvariant();
                if (noun is "mmBTU" or "MMBtu")
                {
                    norm = "mega british thermal unit";
                }
            }

            item.Unit = item.Unit + _t[p..ne];
            item.UnitNorm = item.UnitNorm + " per " + norm;
            item.End = ne;
        }

        private static bool IsPerNoun(ReadOnlySpan<char> noun) => noun is "share" or "shr" or "barrel" or "ounce" or "gallon" or "month" or "year" or "day"
            or "week" or "hour" or "gram" or "tonne" or "ton" or "litre" or "liter" or "person" or "head" or "night" or "pound" or "unit" or "kilo"
            or "kilogram" or "minute" or "game" or "season" or "pop" or "piece" or "ticket" or "visit" or "seat" or "mile";

        private void ReadMeasured(ref Item item)
        {
            // "275 pound-feet of torque", "60 per cent of its revenue".
            var p = item.End;
            if (At(p) != ' ' || At(p + 1) != 'o' || At(p + 2) != 'f' || At(p + 3) != ' ')
            {
                return;
            }

            var d = p + 4;
            var de = WordEnd(d);
            if (QuantityWords.Determiners.Contains(Slice(d, de)) && At(de) == ' ')
            {
                d = de + 1;
            }

            if (ReadNounPhrase(d, plural: false, out var s, out var e, out _))
            {
                item.Measured = _t[s..e];
            }
        }

        /// <summary>Reads up to four words of a noun phrase from <paramref name="p"/>; the head is the first plural word (when <paramref name="plural"/>) or the last word.</summary>
        private bool ReadNounPhrase(int p, bool plural, out int start, out int end, out int headStart)
        {
            start = end = headStart = p;
            var words = 0;
            var q = p;
            var lastEnd = p;
            var lastStart = p;
            while (words < 4)
            {
                if (!char.IsLetter(At(q)))
                {
                    break;
                }

                var e = PhraseWordEnd(q);
                var w = Slice(q, e);
                if (QuantityWords.Stop.Contains(w) || QuantityWords.Numbers.ContainsKey(w) || (words > 0 && (QuantityWords.Months.Contains(w) || w.EndsWith("ly"))))
                {
                    break;
                }

                if (words == 0 && (w.EndsWith("ing") && w.Length > 5 || w.EndsWith("ed") && !plural))
                {
                    break;
                }

                words++;
                lastStart = q;
                lastEnd = e;
                if (plural && IsPlural(w))
                {
                    end = e;
                    headStart = q;
                    return true;
                }

                if (!plural && !char.IsUpper(w[0]) && words >= 1 && (At(e) != ' ' || !char.IsLetter(At(e + 1)) || NextIsStop(e + 1)))
                {
                    end = e;
                    headStart = q;
                    return true;
                }

                if (At(e) != ' ')
                {
                    break;
                }

                q = e + 1;
            }

            if (!plural && words > 0)
            {
                end = lastEnd;
                headStart = lastStart;
                return true;
            }

            return false;
        }

        private bool NextIsStop(int p)
        {
            var e = WordEnd(p);
            var w = Slice(p, e);
            return QuantityWords.Stop.Contains(w) || w.EndsWith("ed") || w.EndsWith("s");
        }

        private static bool IsPlural(ReadOnlySpan<char> w)
        {
            if (QuantityWords.IrregularPlurals.ContainsKey(w) || w.EndsWith("men"))
            {
                return !w.Equals("amen", StringComparison.OrdinalIgnoreCase);
            }

            if (w.Length < 3 || w[^1] != 's')
            {
                return false;
            }

            return !(w.EndsWith("ss") || w.EndsWith("us") || w.EndsWith("is")
                || w.EndsWith("'s") || w.EndsWith("’s") || w.EndsWith("ous"));
        }

        // A counted-noun phrase as written and normalized. Nouns repeat ("shares", "years", "tonnes"), so the last
        // phrases seen are kept per thread by hash: a repeat costs a comparison instead of two new strings.
        private (string Unit, string Normalized) CountedNoun(int start, int end, int headStart)
        {
            var phrase = Slice(start, end);
            var head = headStart - start;
            var h = (uint)head;
            foreach (var c in phrase)
            {
                h = (h ^ c) * 16777619u;
            }

            var nouns = s_nouns ??= new NounEntry[256];
            ref var entry = ref nouns[(h * 0x9E3779B1u) >> 24];
            if (entry.Unit is not null && entry.Head == head && phrase.SequenceEqual(entry.Unit))
            {
                return (entry.Unit, entry.Normalized);
            }

            entry = new NounEntry(phrase.ToString(), Normalize(start, end, headStart), head);
            return (entry.Unit, entry.Normalized);
        }

        private string Normalize(int start, int end, int headStart)
        {
            var head = Singular(Slice(headStart, end));
            return headStart == start ? head : string.Concat(Slice(start, headStart), head);
        }

        // ---------------------------------------------------------------- left context: bounds, changes

        private void ReadLeftContext(ref Item item)
        {
            var p = item.Start;
            if (At(p - 1) is '~' or '≈' || (At(p - 1) == ' ' && At(p - 2) is '~' or '≈'))
            {
                item.Bound = QuantityBound.Approximate;
            }

            // Up to two hedges or bounds, nearest first: "well over", "just under", "more than", "up to".
            for (var n = 0; n < 3; n++)
            {
                var ws = WordBefore(p);
                var we = SkipSpaceBack(p);
                if (ws >= we)
                {
                    break;
                }

                var w = Slice(ws, we);
                if (w is "than")
                {
                    var ps = WordBefore(ws);
                    var pw = Slice(ps, SkipSpaceBack(ws));
                    var greater = pw.Equals("more", StringComparison.OrdinalIgnoreCase) || pw is "greater" or "higher" or "larger" or "bigger" or "over" or "longer" or "Over";
                    var less = pw.Equals("less", StringComparison.OrdinalIgnoreCase) || pw.Equals("fewer", StringComparison.OrdinalIgnoreCase) || pw is "lower" or "smaller" or "shorter";
                    if (!greater && !less)
                    {
                        break;
                    }

                    var ns = WordBefore(ps);
                    var no = Slice(ns, SkipSpaceBack(ps)).Equals("no", StringComparison.OrdinalIgnoreCase);
                    item.Bound = no ? (greater ? QuantityBound.LessOrEqual : QuantityBound.GreaterOrEqual) : (greater ? QuantityBound.Greater : QuantityBound.Less);
                    p = no ? ns : ps;
                    break;
                }

                if (w is "least" or "most" && Slice(WordBefore(ws), SkipSpaceBack(ws)).Equals("at", StringComparison.OrdinalIgnoreCase))
                {
                    item.Bound = w is "least" ? QuantityBound.GreaterOrEqual : QuantityBound.LessOrEqual;
                    p = WordBefore(ws);
                    break;
                }

                if (w is "to")
                {
                    var ps = WordBefore(ws);
                    var pw = Slice(ps, SkipSpaceBack(ws));
                    if (pw.Equals("up", StringComparison.OrdinalIgnoreCase))
                    {
                        item.Bound = QuantityBound.LessOrEqual;
                        p = ps;
                        break;
                    }

                    if (pw is "close" or "Close")
                    {
                        item.Bound = QuantityBound.Approximate;
                        p = ps;
                        break;
                    }

                    break;
                }

                if (w is "of" && Slice(WordBefore(ws), SkipSpaceBack(ws)) is "excess" or "upwards" or "north")
                {
                    item.Bound = QuantityBound.Greater;
                    p = WordBefore(WordBefore(ws));
                    break;
                }

                if (w.Length > 0 && w[^1] == '.')
                {
                    w = w[..^1];
                }

                if (QuantityWords.BoundWords.TryGetValue(w, out var bound))
                {
                    // "over" and "under" after a verb of motion are bounds too; after "some" only counts ("some 40").
                    item.Bound = bound == QuantityBound.Equal && item.Bound != QuantityBound.Equal ? item.Bound : bound;
                    p = ws;
                    if (At(p - 1) == '-' || (bound is QuantityBound.Approximate or QuantityBound.Equal))
                    {
                        continue;
                    }

                    continue;
                }

                if (w is "just" or "only" or "well" or "slightly" or "a" or "little" or "Just" or "Only" or "even" or "still" or "far" or "barely")
                {
                    p = ws;
                    continue;
                }

                break;
            }

            if (item.Change is not null)
            {
                return;
            }

            // A change before the number: "rose 5%", "rose by 5%", "an increase of 5%", "rose to 5%", "down from 4,600".
            var filler = 0;
            var article = false;
            var role = QuantityChangeRole.Amount;
            var cursor = p;
            for (var n = 0; n < 4; n++)
            {
                var ws = WordBefore(cursor);
                var we = SkipSpaceBack(cursor);
                if (ws >= we || HasClauseBreak(we, cursor))
                {
                    return;
                }

                var w = Slice(ws, we);
                if (QuantityWords.ChangeWords.TryGetValue(w, out var up))
                {
                    if (article && !(w is "increase" or "rise" or "gain" or "jump" or "growth" or "drop" or "fall" or "decline" or "decrease" or "loss" or "cut" or "reduction" or "boost" or "hike" or "improvement" or "contraction" or "dip" or "slump" or "surge" or "spike"))
                    {
                        return;
                    }

                    if (w is "up" && role == QuantityChangeRole.Amount && filler > 0 && Slice(we, p).IndexOf("by") < 0)
                    {
                        return;
                    }

                    item.Change = up ? "up" : "down";
                    item.Role = role;
                    return;
                }

                if (w is "to" && n == 0)
                {
                    role = QuantityChangeRole.To;
                }
                else if (w is "from" && n == 0)
                {
                    role = QuantityChangeRole.From;
                }
                else if (w is "of" && n == 0)
                {
                    role = QuantityChangeRole.Amount;
                }
                else if (!QuantityWords.ChangeFillers.Contains(w) || w is "to")
                {
                    return;
                }

                filler++;
                article |= w is "a" or "an";
                cursor = ws;
            }
        }

        private bool IsAddress(int p)
        {
            // "575 Wilbraham Road", "9 E 71st St", "90049 ZIP Code": capitalised words up to a street word.
            var q = p;
            for (var n = 0; n < 4; n++)
            {
                if (At(q) != ' ' || !(char.IsUpper(At(q + 1)) || char.IsAsciiDigit(At(q + 1))))
                {
                    return false;
                }

                var e = q + 1;
                while (char.IsLetterOrDigit(At(e)))
                {
                    e++;
                }

                var w = Slice(q + 1, e);
                if (w is "Road" or "Rd" or "Street" or "St" or "Avenue" or "Ave" or "Way" or "Lane" or "Drive" or "Boulevard" or "Blvd" or "Place" or "Court" or "Code" or "Square" or "Terrace" or "Crescent" or "Close")
                {
                    return true;
                }

                if (n == 0 && w.Length == 1)
                {
                    return true;
                }

                q = e;
            }

            return false;
        }

        private bool IsToAt(int p) => At(p) == ' ' && At(p + 1) == 't' && At(p + 2) == 'o';

        private bool IsChangeAmountContext(int p)
        {
            // "increased by $43.6 billion to $419.2 billion", "rose 5% to 7%": the "to" gives the new level, not a range.
            var ws = WordBefore(p);
            var w = Slice(ws, SkipSpaceBack(p));
            return w is "by" || QuantityWords.ChangeWords.ContainsKey(w);
        }

        private bool HasClauseBreak(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (C(i) is ',' or ';' or ':' or '(' or ')' or '.' && !(i + 1 < to && char.IsAsciiDigit(C(i + 1))))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasBoundBefore(int p)
        {
            var ws = WordBefore(p);
            var w = Slice(ws, SkipSpaceBack(p));
            return w is "than" or "over" or "least" or "about" or "around" or "nearly" or "almost" or "roughly" or "approximately" or "some" or "exactly";
        }

        // ---------------------------------------------------------------- digits and words

        private bool TryReadDigits(int p, out double value, out int end, out bool plain, out int intDigits)
        {
            value = 0;
            plain = true;
            intDigits = 0;
            var q = p;
            var n = 0; // chars of the number without separators: digits and the decimal point
            var digits = 0L;
            var groupsOk = true;
            while (q < _end)
            {
                var c = C(q);
                if (char.IsAsciiDigit(c))
                {
                    if (n >= MaxNumberChars)
                    {
                        end = SkipAlnumEnd(q);
                        return false;
                    }

                    n++;
                    digits = (digits * 10) + (c - '0');
                    intDigits++;
                    q++;
                    continue;
                }

                // Thousands separators: 6,632 and 1 000 (three digits, then no digit).
                if ((c == ',' || (c is ' ' or '\u202F' or '\u00A0' && intDigits <= 3 && n == intDigits)) && groupsOk
                    && char.IsAsciiDigit(At(q + 1)) && char.IsAsciiDigit(At(q + 2)) && char.IsAsciiDigit(At(q + 3)) && !char.IsAsciiDigit(At(q + 4))
                    && (c == ',' || (!char.IsLetterOrDigit(At(q + 4)) || At(q + 4) == ' ') && n > 0 && intDigits <= 3 && !YearLike(q + 1)))
                {
                    if (c != ',' && intDigits > 3)
                    {
                        break;
                    }

                    plain = false;
                    q++;
                    continue;
                }

                break;
            }

            if (intDigits == 0 && !(At(q) == '.' && char.IsAsciiDigit(At(q + 1))))
            {
                end = q;
                return false;
            }

            // Decimals: 1.5, .001 (not a sentence-ending period and not "1.2.3").
            if (At(q) == '.' && char.IsAsciiDigit(At(q + 1)))
            {
                var d = q + 1;
                var frac = 0;
                while (char.IsAsciiDigit(At(d)))
                {
                    d++;
                    frac++;
                }

                if (At(d) == '.' && char.IsAsciiDigit(At(d + 1)))
                {
                    end = SkipAlnumEnd(d);
                    return false;
                }

                if (n + frac + 1 > MaxNumberChars)
                {
                    end = d;
                    return false;
                }

                n += 1 + frac;
                for (var i = q + 1; i < d; i++)
                {
                    digits = (digits * 10) + (C(i) - '0');
                }

                plain = false;
                q = d;
            }

            end = q;
            // Up to 15 digits are exact in a double, and so is a power of ten up to 1e22: their quotient is the
            // correctly rounded value that parsing would give.
            var fraction = n > intDigits ? n - intDigits - 1 : 0;
            if (n > 0 && n - (fraction > 0 ? 1 : 0) <= 15)
            {
                value = digits / PowersOfTen[fraction];
                return true;
            }

            return n > 0 && ParseLong(p, q, n, out value);
        }

        // A number of more than 15 digits: its digits and decimal point from [p, end), separators left out, parsed
        // by the runtime. Rare, so the buffer is not zeroed on every number.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool ParseLong(int p, int end, int length, out double value)
        {
            Span<char> buffer = stackalloc char[MaxNumberChars + 2];
            var n = 0;
            for (var i = p; i < end && n < length; i++)
            {
                var c = C(i);
                if (char.IsAsciiDigit(c) || c == '.')
                {
                    buffer[n++] = c;
                }
            }

            return double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }

        private bool YearLike(int p)
        {
            // "in 2019 300 people": the group after a space is a year, not thousands.
            return false;
        }

        private bool TryReadWordNumber(int p, out Item item)
        {
            item = new Item { Start = p, NumberStart = p, Word = true, Plain = true };
            var articleStart = ArticleBefore(p);
            double total = 0, current = 0;
            var any = false;
            var lastWasSmall = false;
            var lastWasTens = false;
            var q = p;
            var end = p;
            var scaledByWord = false;
            while (q < _end && char.IsLetter(At(q)))
            {
                var e = WordEnd(q);
                var w = Slice(q, e);
                if (QuantityWords.VaguePlurals.TryGetValue(w, out var vague) && NextWordIs(e, "of"))
                {
                    if (any)
                    {
                        break;
                    }

                    // "tens of thousands of", "hundreds of millions of", "dozens of".
                    var ofEnd = e + 3;
                    var low = vague;
                    var ne = WordEnd(ofEnd + 1);
                    if (At(ofEnd) == ' ' && QuantityWords.VaguePlurals.TryGetValue(Slice(ofEnd + 1, ne), out var inner) && inner >= 1000 && NextWordIs(ne, "of"))
                    {
                        low *= inner;
                        e = ne;
                    }

                    item.Vague = true;
                    item.Value = low;
                    item.VagueHigh = low * 10;
                    item.End = e;
                    item.Start = p;
                    return true;
                }

                if (QuantityWords.Denominators.TryGetValue(w, out var den))
                {
                    // "two thirds", "a third", "three and a half", "half a million".
                    var numerator = any ? (current == 0 ? 1 : current) : (articleStart >= 0 ? 1 : 0);
                    if (numerator == 0 && w is "half" or "Half")
                    {
                        numerator = 1;
                        if (!(NextWordIs(e, "of") || NextWordIs(e, "a") || NextWordIs(e, "an")))
                        {
                            return false;
                        }
                    }

                    if (numerator == 0 || (!any && articleStart < 0 && !(w is "half" or "Half")))
                    {
                        return false;
                    }

                    var andHalf = any && item.AndPending;
                    if (andHalf)
                    {
                        total += current + (1 / den);
                        current = 0;
                    }
                    else
                    {
                        current = numerator / den;
                        item.Fraction = !NextWordIs(e, "a") && !NextWordIs(e, "an");
                    }

                    if (!any && articleStart >= 0)
                    {
                        item.Start = articleStart;
                        item.Article = true;
                    }

                    any = true;
                    end = e;
                    // "half a million": the scale follows after the article.
                    if (NextWordIs(e, "a") || NextWordIs(e, "an"))
                    {
                        var a = WordEnd(e + 1);
                        var s = WordEnd(a + 1);
                        if (QuantityWords.Scales.TryGetValue(Slice(a + 1, s), out var sc) && sc >= 1000)
                        {
                            current *= sc;
                            item.Fraction = false;
                            scaledByWord = true;
                            end = s;
                        }
                    }

                    break;
                }

                if (!QuantityWords.Numbers.TryGetValue(w, out var v))
                {
                    break;
                }

                if (v < 100 && v != 12 || w is "twelve" or "Twelve")
                {
                    if (lastWasSmall && !(lastWasTens && v < 10))
                    {
                        break;
                    }

                    lastWasTens = v >= 20 && v % 10 == 0;
                    lastWasSmall = true;
                    current += v;
                }
                else if (v == 100)
                {
                    if (!any && articleStart < 0)
                    {
                        return false;
                    }

                    current = (current == 0 ? 1 : current) * 100;
                    lastWasSmall = false;
                }
                else if (v == 12)
                {
                    // "a dozen", "two dozen".
                    if (!any && articleStart < 0)
                    {
                        return false;
                    }

                    current = (current == 0 ? 1 : current) * 12;
                    lastWasSmall = false;
                }
                else
                {
                    if (!any && articleStart < 0)
                    {
                        return false;
                    }

                    total += (current == 0 ? 1 : current) * v;
                    current = 0;
                    lastWasSmall = false;
                    scaledByWord = true;
                }

                if (!any && articleStart >= 0 && v >= 12)
                {
                    item.Start = articleStart;
                    item.Article = true;
                }

                any = true;
                end = e;
                item.AndPending = false;
                // Separators inside a word number: "forty-five", "three hundred and fifty", "three and a half".
                if (At(e) == '-' && char.IsLetter(At(e + 1)) && IsNumberWordAt(e + 1))
                {
                    q = e + 1;
                    continue;
                }

                if (At(e) == ' ' && char.IsLetter(At(e + 1)))
                {
                    if (IsNumberWordAt(e + 1))
                    {
                        q = e + 1;
                        continue;
                    }

                    var ae = WordEnd(e + 1);
                    if (Slice(e + 1, ae) is "and" && At(ae) == ' ')
                    {
                        var ne = WordEnd(ae + 1);
                        var next = Slice(ae + 1, ne);
                        if ((next is "a" && At(ne) == ' ' && Slice(ne + 1, WordEnd(ne + 1)) is "half" or "quarter") || (QuantityWords.Numbers.TryGetValue(next, out var nv) && nv < 100 && current % 100 == 0 && current > 0))
                        {
                            item.AndPending = true;
                            q = next is "a" ? ne + 1 : ae + 1;
                            continue;
                        }
                    }
                }

                break;
            }

            if (!any)
            {
                return false;
            }

            item.Value = total + current;
            item.RawValue = item.Value;
            item.End = end;
            item.Scaled = scaledByWord;
            item.Plain = !item.Fraction;
            return item.Value > 0 || Slice(p, WordEnd(p)).Equals("zero", StringComparison.OrdinalIgnoreCase);
        }

        private bool IsNumberWordAt(int p)
        {
            var e = WordEnd(p);
            var w = Slice(p, e);
            return QuantityWords.Numbers.ContainsKey(w) || (QuantityWords.Denominators.ContainsKey(w) && !w.Equals("second", StringComparison.OrdinalIgnoreCase));
        }

        // ---------------------------------------------------------------- left of the number

        private int ReadCurrencyPrefix(int p, out string? currency, out string? norm, out char sign)
        {
            currency = norm = null;
            sign = '\0';
            var q = p;
            if (At(q - 1) is '+' or '-' or '−' && !char.IsLetterOrDigit(At(q - 2)))
            {
                // "+0.3%", "$-50.8bn"; a hyphen after a space is a minus sign only before a currency or at a clause start.
                var s = At(q - 1);
                var before = At(q - 2);
                if (s == '+' || CurrencySymbols.Contains(before) || before is '(' or '\0' || (before == ' ' && s == '−'))
                {
                    sign = s == '+' ? '+' : '-';
                    q--;
                }
            }

            var c = At(q - 1);
            if (c is '$' or '£' or '€' or '¥' or '₹' or '₩' or '₽' or '₪')
            {
                var symbolStart = q - 1;
                norm = c switch
                {
                    '£' => "pound sterling",
                    '€' => "euro",
                    '¥' => "japanese yen",
                    '₹' => "indian rupee",
                    '₩' => "south korean won",
                    '₽' => "russian rouble",
                    '₪' => "shekel",
                    _ => "dollar",
                };
                currency = c.ToString();
                // "US$", "US $", "HK$", "A$", "C$", "NZ$", "S$".
                var l = symbolStart;
                if (At(l - 1) == ' ' && char.IsUpper(At(l - 2)))
                {
                    l--;
                }

                var ls = l;
                while (char.IsUpper(At(ls - 1)))
                {
                    ls--;
                }

                if (c == '$' && ls < l && !char.IsLetter(At(ls - 1)) && l - ls <= 3)
                {
                    var code = Slice(ls, l);
                    var n = DollarPrefix(code);
                    if (n is not null)
                    {
                        currency = code.ToString() + "$";
                        norm = n;
                        symbolStart = ls;
                    }
                }

                // "$US55", "$A82".
                return symbolStart;
            }

            if (char.IsLetter(c))
            {
                var ls = q - 1;
                while (char.IsLetter(At(ls - 1)))
                {
                    ls--;
                }

                var code = Slice(ls, q);
                if (At(ls - 1) == '$' && DollarPrefix(code) is { } dn)
                {
                    currency = "$" + code.ToString();
                    norm = dn;
                    return ls - 1;
                }

                if (!char.IsLetter(At(ls - 1)) && CodePrefix(code) is { } cn)
                {
                    currency = code.ToString();
                    norm = cn;
                    return ls;
                }
            }

            if (c == '=' && At(q - 2) == 'Y' && !char.IsLetter(At(q - 3)))
            {
                currency = "Y";
                norm = "japanese yen";
                return q - 2;
            }

            // "USD 10m", "Rs 500".
            if (c == ' ' && char.IsUpper(At(q - 2)))
            {
                var ls = q - 2;
                while (char.IsLetter(At(ls - 1)))
                {
                    ls--;
                }

                var code = Slice(ls, q - 1);
                if (code.Length == 3 && !char.IsLetter(At(ls - 1)) && CodePrefix(code) is { } cn && code is not "PS" and not "RM")
                {
                    currency = code.ToString();
                    norm = cn;
                    return ls;
                }
            }

            return q;
        }

        private int ReadCurrencyAhead(int p, out string? currency, out string? norm)
        {
            currency = norm = null;
            var c = At(p);
            if (CurrencySymbols.Contains(c))
            {
                currency = c.ToString();
                norm = c switch { '£' => "pound sterling", '€' => "euro", '¥' => "japanese yen", _ => "dollar" };
                return p + 1;
            }

            if (char.IsUpper(c))
            {
                var e = WordEnd(p);
                if (At(e) == '$')
                {
                    var n = DollarPrefix(Slice(p, e));
                    if (n is not null)
                    {
                        currency = _t[p..e] + "$";
                        norm = n;
                        return At(e + 1) == ' ' ? e + 2 : e + 1;
                    }
                }

                var cn = CodePrefix(Slice(p, e));
                if (cn is not null && char.IsAsciiDigit(At(e)))
                {
                    currency = _t[p..e];
                    norm = cn;
                    return e;
                }
            }

            return p;
        }

        private static string? DollarPrefix(ReadOnlySpan<char> code) => code switch
        {
            "US" or "U.S." => "dollar",
            "A" or "AU" => "australian dollar",
            "C" or "CA" or "CAN" => "canadian dollar",
            "NZ" => "new zealand dollar",
            "HK" => "hong kong dollar",
            "S" or "SG" => "singapore dollar",
            "NT" => "new taiwan dollar",
            "R" => "brazilian real",
            "Mex" => "mexican peso",
            _ => null,
        };

        private static string? CodePrefix(ReadOnlySpan<char> code) => code switch
        {
            "USD" => "dollar",
            "EUR" => "euro",
            "GBP" => "pound sterling",
            "PS" => "pound sterling",
            "JPY" => "japanese yen",
            "AUD" => "australian dollar",
            "CAD" => "canadian dollar",
            "CHF" => "swiss franc",
            "CNY" or "RMB" => "chinese yuan",
            "INR" or "Rs" => "indian rupee",
            "NIS" => "shekel",
            "RM" => "malaysian ringgit",
            "HKD" => "hong kong dollar",
            "NZD" => "new zealand dollar",
            "SGD" => "singapore dollar",
            "ZAR" => "south african rand",
            "Sh" or "KSh" => "kenyan shilling",
            _ => null,
        };

        private int MinusBefore(int p)
        {
            // "minus 387", "minus-130".
            var c = At(p - 1);
            if (c is ' ' or '-' && At(p - 2) is 's' or 'S')
            {
                var ws = WordBefore(p - 1);
                if (Slice(ws, p - 1).Equals("minus", StringComparison.OrdinalIgnoreCase))
                {
                    return ws;
                }
            }

            return -1;
        }

        private bool LetterBefore(int p) => char.IsLetter(At(p - 1)) || (At(p - 1) is '_' or '@' or '/' or '\\' or '&');

        private bool LabelBefore(int p)
        {
            // "Game 7", "iPhone 11", "S&P 500", "category 4": a word with a capital or a label word right before the number.
            if (At(p - 1) is not ' ' and not '\u00A0')
            {
                return At(p - 1) == '#';
            }

            var we = p - 1;
            var ws = we;
            while (ws > _start && (char.IsLetterOrDigit(C(ws - 1)) || C(ws - 1) is '&' or '-' or '.'))
            {
                ws--;
            }

            if (ws == we)
            {
                return false;
            }

            var w = Slice(ws, we);
            if (w[^1] == '.')
            {
                w = w[..^1];
            }

            if (QuantityWords.Labels.Contains(w))
            {
                return true;
            }

            var hasUpper = false;
            foreach (var ch in w)
            {
                hasUpper |= char.IsUpper(ch);
            }

            if (!hasUpper || w.IsEmpty)
            {
                return false;
            }

            // Capitalised function words at a sentence start ("The", "About") and months are not labels.
            return !QuantityWords.Stop.Contains(w) && !QuantityWords.BoundWords.ContainsKey(w) && !QuantityWords.ChangeWords.ContainsKey(w)
                && !QuantityWords.Months.Contains(w) && !QuantityWords.Numbers.ContainsKey(w) && w is not "Between" and not "Nearly" and not "Some" and not "Just" and not "Only"
                && !IsSentenceStart(ws);
        }

        private bool IsSentenceStart(int ws)
        {
            var i = ws - 1;
            while (i >= _start && C(i) is ' ' or '"' or '“' or '\'' or '‘' or '(')
            {
                i--;
            }

            return i < _start || C(i) is '.' or '!' or '?' or '\n' or ':';
        }

        private bool IsPronounOne(int p)
        {
            var ws = WordBefore(p);
            var w = Slice(ws, SkipSpaceBack(p));
            return w.Equals("each", StringComparison.OrdinalIgnoreCase) || w.Equals("every", StringComparison.OrdinalIgnoreCase) || w.Equals("no", StringComparison.OrdinalIgnoreCase)
                || w.Equals("any", StringComparison.OrdinalIgnoreCase) || w is "this" or "that" or "which" or "same" or "another" or "the" or "last" or "only" or "such" or "little" or "big" or "new" or "old" or "right" or "wrong";
        }

        private bool FromBefore(int p)
        {
            var ws = WordBefore(p);
            return Slice(ws, SkipSpaceBack(p)).Equals("from", StringComparison.OrdinalIgnoreCase);
        }

        private bool PreviousWordIs(int p, string word)
        {
            var ws = WordBefore(p);
            return Slice(ws, SkipSpaceBack(p)).Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        private int ArticleBefore(int p)
        {
            if (At(p - 1) != ' ')
            {
                return -1;
            }

            var ws = WordBefore(p);
            var w = Slice(ws, p - 1);
            return w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase) ? ws : -1;
        }

        /// <summary>Start of the word (letters, and a trailing period) that ends before the spaces before <paramref name="p"/>.</summary>
        private int WordBefore(int p)
        {
            if (p == _wordBeforeAt0)
            {
                return _wordBefore0;
            }

            if (p == _wordBeforeAt1)
            {
                return _wordBefore1;
            }

            var s = ScanWordBefore(p);
            (_wordBeforeAt1, _wordBefore1) = (_wordBeforeAt0, _wordBefore0);
            (_wordBeforeAt0, _wordBefore0) = (p, s);
            return s;
        }

        // The scan loops below read the fields into locals: through the struct's "this" they would be reloaded on
        // every char.
        [MethodImpl(MethodImplOptions.NoInlining)] // a tight loop of its own; inlined into the big readers, it spills to the stack
        private int ScanWordBefore(int p)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var start = _start;
            var s = SkipSpaceBack(p);
            if (s > start && Unsafe.Add(ref t, s - 1) == '.')
            {
                s--;
            }

            while (s > start && (char.IsLetter(Unsafe.Add(ref t, s - 1)) || (Unsafe.Add(ref t, s - 1) == '.' && s - 2 >= start && char.IsLetter(Unsafe.Add(ref t, s - 2)))))
            {
                s--;
            }

            return s;
        }

        private int SkipSpaceBack(int p)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var start = _start;
            var e = p;
            var n = 0;
            while (e > start && Unsafe.Add(ref t, e - 1) is ' ' or '\u00A0' && n < 2)
            {
                e--;
                n++;
            }

            return e;
        }

        private static ReadOnlySpan<char> TrimDot(ReadOnlySpan<char> w) => w.Length > 0 && w[^1] == '.' ? w[..^1] : w;

        private bool MonthAfter(int p)
        {
            if (At(p) != ' ')
            {
                return false;
            }

            var e = WordEnd(p + 1);
            return QuantityWords.Months.Contains(Slice(p + 1, e)) && !Slice(p + 1, e).SequenceEqual("May") || (Slice(p + 1, e) is "May" && !char.IsLetter(At(e + 1)) && At(e) is ' ' && char.IsAsciiDigit(At(e + 1)));
        }

        private bool NextWordIs(int p, string word)
        {
            if (At(p) != ' ')
            {
                return false;
            }

            var e = WordEnd(p + 1);
            return Slice(p + 1, e).Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        [MethodImpl(MethodImplOptions.NoInlining)] // a tight loop of its own; inlined into the big readers, it spills to the stack
        private int WordEnd(int p)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var end = _end;
            var e = p;
            while (e < end && char.IsLetter(Unsafe.Add(ref t, e)))
            {
                e++;
            }

            return e;
        }

        // The end of a word of a noun phrase: letters, and a hyphen or apostrophe between letters ("year-old", "men's").
        [MethodImpl(MethodImplOptions.NoInlining)] // a tight loop of its own; inlined into the big readers, it spills to the stack
        private int PhraseWordEnd(int p)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var end = _end;
            var e = p;
            while (e < end)
            {
                var c = Unsafe.Add(ref t, e);
                if (!char.IsLetter(c) && !(c is '-' or '\'' or '’' && e + 1 < end && char.IsLetter(Unsafe.Add(ref t, e + 1))))
                {
                    break;
                }

                e++;
            }

            return e;
        }

        private int SkipSpace(int p)
        {
            var e = p;
            while (e < _end && C(e) == ' ')
            {
                e++;
            }

            return e;
        }

        // The end of a word of a unit form (see UnitLexicon.IsBreak), at most limit.
        [MethodImpl(MethodImplOptions.NoInlining)] // a tight loop of its own; inlined into the big readers, it spills to the stack
        private int UnitWordEnd(int p, int limit)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var e = p;
            while (e < limit && !UnitLexicon.IsBreak(Unsafe.Add(ref t, e)))
            {
                e++;
            }

            return e;
        }

        [MethodImpl(MethodImplOptions.NoInlining)] // a tight loop of its own; inlined into the big readers, it spills to the stack
        private int SkipAlnumEnd(int p)
        {
            ref var t = ref MemoryMarshal.GetReference(_span);
            var end = _end;
            var e = p;
            while (e < end && (char.IsLetterOrDigit(Unsafe.Add(ref t, e)) || (Unsafe.Add(ref t, e) is '.' or ',' or '-' && e + 1 < end && char.IsLetterOrDigit(Unsafe.Add(ref t, e + 1)))))
            {
                e++;
            }

            return e;
        }

        private int SkipMeridiem(int p)
        {
            var q = At(p) == ' ' ? p + 1 : p;
            var c = At(q);
            if (c is 'a' or 'p' or 'A' or 'P')
            {
                var d = At(q + 1);
                if ((d is 'm' or 'M') && !char.IsLetter(At(q + 2)))
                {
                    return q + 2;
                }

                if (d == '.' && At(q + 2) is 'm' or 'M' && At(q + 3) == '.')
                {
                    return q + 4;
                }
            }

            return p;
        }

        // The end of the time zone, "local time" or "hrs" after wire-style clock digits ending at p, or p when none
        // follows. "hrs"/"hours" alone make a time only after four written digits and "at", "by", "until"...: "at 1530
        // hrs", not "for 1200 hours".
        [MethodImpl(MethodImplOptions.NoInlining)] // rare: only bare three- and four-digit numbers come here
        private int ClockZoneEnd(int numberStart, int p)
        {
            var q = At(p) == ' ' ? p + 1 : p;
            var e = WordEnd(q);
            var w = Slice(q, e);
            if (w is "hrs" or "HRS" or "hours")
            {
                var end = e;
                var after = ZoneEnd(e + 1);
                if (At(e) == ' ' && after > e + 1)
                {
                    return after;
                }

                var before = WordBefore(numberStart);
                return p - numberStart == 4 && before < numberStart
                    && Slice(before, SkipSpaceBack(numberStart)) is "at" or "by" or "until" or "till" or "before" or "after" or "from" or "since"
                    ? end : p;
            }

            var zone = ZoneEnd(q);
            return zone > q ? zone : p;
        }

        // Whether a char can start a time zone, "hrs", "hours" or "local": a cheap test before the words are read.
        private static bool ZoneStart(char c) => c is (>= 'A' and <= 'Z') or 'g' or 'h' or 'l';

        // The end of a time zone at p ("GMT", "EST", "local time"), or p.
        private int ZoneEnd(int p)
        {
            var e = WordEnd(p);
            var w = Slice(p, e);
            if (w is "GMT" or "gmt" or "UTC" or "EST" or "EDT" or "CST" or "CDT" or "MST" or "MDT" or "PST" or "PDT" or "BST" or "CET" or "CEST"
                or "JST" or "HKT" or "SGT" or "AEST" or "AEDT")
            {
                return e;
            }

            if (w is "local" && At(e) == ' ')
            {
                var te = WordEnd(e + 1);
                if (Slice(e + 1, te) is "time")
                {
                    return te;
                }
            }

            return p;
        }

        private bool IsOrdinalSuffix(int p, out int end)
        {
            end = p;
            var a = char.ToLowerInvariant(At(p));
            var b = char.ToLowerInvariant(At(p + 1));
            if ((a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h') && !char.IsLetter(At(p + 2)))
            {
                end = p + 2;
                return true;
            }

            return false;
        }

        private bool DecadeSuffix(int p, out int end)
        {
            end = p;
            if (At(p) == 's' && !char.IsLetter(At(p + 1)))
            {
                end = p + 1;
                return true;
            }

            if (At(p) is '\'' or '’' or '′' && At(p + 1) == 's' && !char.IsLetter(At(p + 2)))
            {
                end = p + 2;
                return true;
            }

            return false;
        }
    }

    /// <summary>Singular of a plural word or of the last word of a phrase: "countries" → "country", "bosses" → "boss", "feet" → "foot".</summary>
    /// <param name="word">A word.</param>
    /// <returns>The singular form (the word itself when it is not a recognised plural).</returns>
    internal static string Singular(ReadOnlySpan<char> word)
    {
        if (QuantityWords.IrregularPlurals.TryGetValue(word, out var irregular))
        {
            return char.IsUpper(word[0]) ? char.ToUpperInvariant(irregular[0]) + irregular[1..] : irregular;
        }

        if (word.EndsWith("men") && word.Length > 4)
        {
            return string.Concat(word[..^3], "man");
        }

        if (word.Length < 3 || word[^1] != 's' || word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is"))
        {
            return word.ToString();
        }

        if (word.EndsWith("ies") && word.Length > 4)
        {
            return string.Concat(word[..^3], "y");
        }

        if (word.EndsWith("sses") || word.EndsWith("ches") || word.EndsWith("shes")
            || word.EndsWith("xes") || word.EndsWith("zes") || word.EndsWith("oes"))
        {
            return word[..^2].ToString();
        }

        return word[..^1].ToString();
    }

    /// <summary>The ends of the (up to four) words of a unit form being matched.</summary>
    [InlineArray(4)]
    private struct UnitWordEnds
    {
        private int _end;
    }

    /// <summary>A counted-noun phrase, its normal form and where its head starts in it.</summary>
    private readonly record struct NounEntry(string Unit, string Normalized, int Head);

    /// <summary>Working state for one quantity.</summary>
    private record struct Item
    {
        public int Start;
        public int NumberStart;
        public int End;
        public double Value;
        public double RawValue;
        public double Scale;
        public bool Scaled;
        public bool Plain;
        public int IntDigits;
        public bool Word;
        public bool Vague;
        public double VagueHigh;
        public bool Fraction;
        public bool Article;
        public bool AndPending;
        public string? Currency;
        public string? CurrencyNorm;
        public string? Unit;
        public string? UnitNorm;
        public string? Measured;
        public string? Change;
        public QuantityChangeRole Role;
        public QuantityBound Bound;
        public QuantityKind Kind;
        public double? Low;
        public double? High;

        public readonly bool IsRangeLike => Vague || Low.HasValue;

        public readonly Quantity ToQuantity(string text) => new()
        {
            Start = Start,
            End = End,
            Text = text.Length >= End ? text[Start..End] : string.Empty,
            Value = Value,
            Low = Vague ? Value : Low,
            High = Vague ? VagueHigh : High,
            Bound = Bound,
            Unit = Unit,
            NormalizedUnit = UnitNorm,
            Measured = Measured,
            Change = Change,
            ChangeRole = Change is null ? QuantityChangeRole.None : Role,
            Kind = Kind,
        };
    }
}
