using System.Runtime.CompilerServices;
using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>What a unit measures, from the kind column of <c>units.tsv</c>.</summary>
internal enum UnitKind : byte
{
    /// <summary>A measure: length, mass, time, energy...</summary>
    Measure,

    /// <summary>A currency or a subdivision of one.</summary>
    Money,

    /// <summary>Per cent, percentage points, basis points.</summary>
    Percent,

    /// <summary>A counting unit: "times", "points".</summary>
    Count,
}

/// <summary>A unit lexicon entry.</summary>
/// <param name="Normalized">Canonical name ("kilometre").</param>
/// <param name="Kind">What the unit measures.</param>
/// <param name="Form">The surface form as listed, so a match written the same way needs no new string.</param>
internal readonly record struct UnitEntry(string Normalized, UnitKind Kind, string Form);

/// <summary>
/// The unit lexicon embedded from <c>models/lexicons/units.tsv</c>: surface forms (one to four words) to normalized units.
/// Forms of three or more characters match case-insensitively, shorter ones (and forms flagged <c>cs</c>) exactly,
/// so "m" (metre) and "M" (million) stay apart.
/// </summary>
internal static class UnitLexicon
{
    /// <summary>The longest form in characters, to bound look-ups.</summary>
    internal static readonly int MaxLength;

    private static readonly WordIndex<UnitEntry> Exact;
    private static readonly WordIndex<int> FirstWords;
    private static readonly WordIndex<UnitEntry> IgnoreCase;

#pragma warning disable CA1810 // one pass over the resource fills all three fields
    static UnitLexicon()
#pragma warning restore CA1810
    {
        var rows = EmbeddedLexicon.Rows("units.tsv");
        var exact = new WordIndex<UnitEntry>(ignoreCase: false);
        var ignoreCase = new WordIndex<UnitEntry>(ignoreCase: true);
        var max = 0;
        var firstWords = new WordIndex<int>(ignoreCase: true);
        foreach (var parts in rows)
        {
            if (parts.Length < 3)
            {
                continue;
            }

            var kind = parts[2] switch
            {
                "money" => UnitKind.Money,
                "percent" => UnitKind.Percent,
                "count" => UnitKind.Count,
                _ => UnitKind.Measure,
            };
            var entry = new UnitEntry(parts[1], kind, parts[0]);
            var caseSensitive = parts.Length > 3 && parts[3] == "cs";
            if (caseSensitive || parts[0].Length < 3)
            {
                exact.TryAdd(parts[0], entry);
            }
            else
            {
                ignoreCase.TryAdd(parts[0], entry);
            }

            max = Math.Max(max, parts[0].Length);
            var form = parts[0];
            var firstEnd = 0;
            while (firstEnd < form.Length && !IsBreak(form[firstEnd]))
            {
                firstEnd++;
            }

            var words = 1;
            foreach (var c in form)
            {
                words += IsBreak(c) ? 1 : 0;
            }

            var first = form[..firstEnd];
            firstWords[first] = Math.Max(words, firstWords.TryGetValue(first, out var known) ? known : 0);
        }

        MaxLength = max;
        Exact = exact;
        FirstWords = firstWords;
        IgnoreCase = ignoreCase;
    }

    /// <summary>Whether a char ends a word of a form: forms are matched word by word, words joined by a space, hyphen or slash.</summary>
    /// <param name="c">The char.</param>
    /// <returns>Whether it is a break.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsBreak(char c) => c < 64 ? ((AsciiBreaks >> c) & 1) != 0 : c is '“' or '”' or '’';

    // The ASCII breaks, all below 64, as bits: one shift and test per char of a unit form.
    private const ulong AsciiBreaks = (1UL << ' ') | (1UL << '-') | (1UL << '/') | (1UL << ',') | (1UL << '.') | (1UL << ';') | (1UL << ':')
        | (1UL << ')') | (1UL << '(') | (1UL << '!') | (1UL << '?') | (1UL << '"') | (1UL << '\'') | (1UL << '\n') | (1UL << '\r') | (1UL << '\t');

    /// <summary>The most words (see <see cref="IsBreak"/>) of a form that starts with <paramref name="firstWord"/> (any case), 0 when none does.</summary>
    /// <param name="firstWord">The first word, up to its break.</param>
    /// <returns>A word count.</returns>
    internal static int MaxWords(ReadOnlySpan<char> firstWord) => FirstWords.TryGetValue(firstWord, out var words) ? words : 0;

    /// <summary>Looks up a surface form.</summary>
    /// <param name="form">The form as written.</param>
    /// <param name="entry">The entry found.</param>
    /// <returns>Whether the form is a unit.</returns>
    internal static bool TryGet(ReadOnlySpan<char> form, out UnitEntry entry)
    {
        if (form.Length == 0 || form.Length > MaxLength)
        {
            entry = default;
            return false;
        }

        return Exact.TryGetValue(form, out entry) || IgnoreCase.TryGetValue(form, out entry);
    }
}
