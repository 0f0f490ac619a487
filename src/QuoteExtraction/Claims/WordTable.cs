using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace QuoteExtraction.Claims;

/// <summary>
/// The lengths of a word list's words by first letter: a look-up first asks it, and most words the grammar looks up
/// (the text around every number) are ruled out without hashing.
/// </summary>
/// <remarks>
/// Exact for ordinal and ordinal-ignore-case lists: under either comparison no char other than the two cases of an
/// ASCII letter equals that letter, so a word that starts with an ASCII letter can only match a key that starts with it
/// too. Words that start with anything else, or are 64 chars or longer, go to the look-up.
/// </remarks>
internal sealed class WordShapes
{
    private const int MaxLength = 64;
    private readonly ulong[] _lengths = new ulong[26];
    private readonly bool _hasEmpty;

    /// <summary>Records the words.</summary>
    /// <param name="words">The keys of the list.</param>
    internal WordShapes(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            _hasEmpty |= w.Length == 0;
            if (w.Length is > 0 and < MaxLength && char.IsAsciiLetter(w[0]))
            {
                _lengths[(w[0] | 0x20) - 'a'] |= 1UL << w.Length;
            }
        }
    }

    /// <summary>Whether the list may hold <paramref name="word"/>; false means it does not.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether a look-up is needed.</returns>
    internal bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return _hasEmpty;
        }

        var letter = (word[0] | 0x20) - 'a';
        return (uint)letter >= 26 || word.Length >= MaxLength || ((_lengths[letter] >> word.Length) & 1) != 0;
    }
}

/// <summary>A frozen word set looked up by span, behind <see cref="WordShapes"/>.</summary>
/// <param name="words">The words, with their comparer.</param>
internal sealed class WordSet(FrozenSet<string> words)
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly WordShapes _shapes = new(words);

    /// <summary>Whether the set holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is in the set.</returns>
    internal bool Contains(ReadOnlySpan<char> word) => _shapes.MayContain(word) && _lookup.Contains(word);
}

/// <summary>A frozen word dictionary looked up by span, behind <see cref="WordShapes"/>.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="map">The words and values, with their comparer.</param>
internal sealed class WordMap<TValue>(FrozenDictionary<string, TValue> map)
{
    private readonly FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly WordShapes _shapes = new(map.Keys);

    /// <summary>The words.</summary>
    internal IEnumerable<string> Keys => map.Keys;

    /// <summary>Whether the map holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool ContainsKey(ReadOnlySpan<char> word) => _shapes.MayContain(word) && _lookup.ContainsKey(word);

    /// <summary>Looks up <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value, when found.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        if (_shapes.MayContain(word))
        {
            return _lookup.TryGetValue(word, out value);
        }

        value = default;
        return false;
    }
}
