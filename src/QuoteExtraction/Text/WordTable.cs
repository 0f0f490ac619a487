using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace QuoteExtraction.Text;

/// <summary>A frozen word set looked up by span, behind a <see cref="WordFilter"/> that rules out most words without hashing them.</summary>
/// <param name="words">The words, with their comparer.</param>
internal sealed class WordSet(FrozenSet<string> words)
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly WordFilter _filter = new(words);

    /// <summary>Whether the set holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is in the set.</returns>
    internal bool Contains(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.Contains(word);
}

/// <summary>A frozen word dictionary looked up by span, behind a <see cref="WordFilter"/> that rules out most words without hashing them.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="map">The words and values, with their comparer.</param>
internal sealed class WordMap<TValue>(FrozenDictionary<string, TValue> map)
{
    private readonly FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly WordFilter _filter = new(map.Keys);

    /// <summary>The words.</summary>
    internal IEnumerable<string> Keys => map.Keys;

    /// <summary>Whether the map holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool ContainsKey(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.ContainsKey(word);

    /// <summary>Looks up <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value, when found.</param>
    /// <returns>Whether it is a key.</returns>
    internal bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        if (_filter.MayContain(word))
        {
            return _lookup.TryGetValue(word, out value);
        }

        value = default;
        return false;
    }
}
