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
/// What the forms starting with one word (any case) have in common: the most words among them, and the one-word forms
/// that are that word, so a unit of one word costs one look-up instead of three.
/// </summary>
internal sealed class UnitStart
{
    /// <summary>The most words of a form starting with the word.</summary>
    internal int MaxWords;

    /// <summary>The one-word forms matched exactly that equal the word ignoring case, in lexicon order.</summary>
    internal UnitEntry[] Exact = [];

    /// <summary>Whether the word is a one-word form matched ignoring case (<see cref="IgnoreCaseEntry"/>).</summary>
    internal bool HasIgnoreCase;

    /// <summary>The one-word form matched ignoring case, when <see cref="HasIgnoreCase"/>.</summary>
    internal UnitEntry IgnoreCaseEntry;
}

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
    private static readonly WordIndex<UnitStart> FirstWords;
    private static readonly WordIndex<UnitEntry> IgnoreCase;

#pragma warning disable CA1810 // one pass over the resource fills all three fields
    static UnitLexicon()
#pragma warning restore CA1810
    {
        var rows = EmbeddedLexicon.Rows("units.tsv");
        var exact = new WordIndex<UnitEntry>(ignoreCase: false);
        var ignoreCase = new WordIndex<UnitEntry>(ignoreCase: true);
        var max = 0;
        var firstWords = new WordIndex<UnitStart>(ignoreCase: true);
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
            var isExact = caseSensitive || parts[0].Length < 3;
            var added = isExact ? exact.TryAdd(parts[0], entry) : ignoreCase.TryAdd(parts[0], entry);

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
            if (!firstWords.TryGetValue(first, out var start))
            {
                start = new UnitStart();
                firstWords[first] = start;
            }

            start.MaxWords = Math.Max(words, start.MaxWords);
            if (added && words == 1 && isExact)
            {
                start.Exact = [.. start.Exact, entry];
            }
            else if (added && words == 1)
            {
                start.HasIgnoreCase = true;
                start.IgnoreCaseEntry = entry;
            }
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

    /// <summary>
    /// What the forms starting with <paramref name="firstWord"/> (any case) have in common, among it the most words
    /// (see <see cref="IsBreak"/>) of such a form; null when none starts so.
    /// </summary>
    /// <param name="firstWord">The first word, up to its break.</param>
    /// <returns>The forms' start, or null.</returns>
    internal static UnitStart? StartOf(ReadOnlySpan<char> firstWord) => FirstWords.TryGetValue(firstWord, out var start) ? start : null;

    /// <summary>Looks up a form of one word, the word <paramref name="start"/> was found for: as <see cref="TryGet"/> would, without another look-up.</summary>
    /// <param name="start">The word's start, from <see cref="StartOf"/>.</param>
    /// <param name="word">The word as written.</param>
    /// <param name="entry">The entry found.</param>
    /// <returns>Whether the word is a unit.</returns>
    internal static bool TryGetWord(UnitStart start, ReadOnlySpan<char> word, out UnitEntry entry)
    {
        // Exact forms first, as TryGet looks them up first.
        foreach (var exact in start.Exact)
        {
            if (word.SequenceEqual(exact.Form))
            {
                entry = exact;
                return true;
            }
        }

        if (start.HasIgnoreCase)
        {
            entry = start.IgnoreCaseEntry;
            return true;
        }

        entry = default;
        return false;
    }

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
