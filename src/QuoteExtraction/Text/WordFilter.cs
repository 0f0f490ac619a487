namespace QuoteExtraction.Text;

/// <summary>
/// A quick "certainly not one of these words" test (case-insensitive, like <see cref="StringComparer.OrdinalIgnoreCase"/>),
/// asked before a case-insensitive dictionary look-up: most tokens of a text are not in a lexicon, and this test
/// (a few chars and one bit) costs far less than hashing the token ignoring case and comparing it.
/// </summary>
internal sealed class WordFilter
{
    private const int KeyBits = 14;
    private readonly ulong[] _bits = new ulong[(1 << KeyBits) / 64];
    private readonly bool _passAll; // a word has a non-ASCII key char with an ASCII case variant: those variants are not recorded

    /// <summary>Builds the filter of a word list.</summary>
    /// <param name="words">The words that must pass.</param>
    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (TryKey(word, out int key))
            {
                _bits[key >> 6] |= 1UL << key;
            }
            else if (word.Length > 0 && MayEqualAscii(word))
            {
                _passAll = true;
            }

            // Otherwise a key char is non-ASCII with no ASCII case variant ("\u2019ll", "\u00A3"): a word equal to it ignoring
            // case has a non-ASCII char there too, and such words always pass, so nothing needs recording.
        }
    }

    /// <summary>False when <paramref name="word"/> is certainly not one of the words; true when it may be.</summary>
    /// <param name="word">The word to test.</param>
    /// <returns>Whether a look-up is needed.</returns>
    public bool MayContain(ReadOnlySpan<char> word) => _passAll || !TryKey(word, out int key) || (_bits[key >> 6] & (1UL << key)) != 0;

    /// <summary>Whether a key char of <paramref name="word"/> is non-ASCII but has an ASCII case variant ("\u017F" is "S" upper-cased).</summary>
    private static bool MayEqualAscii(string word)
    {
        foreach (char c in (ReadOnlySpan<char>)[word[0], word.Length > 1 ? word[1] : 'a', word[^1]])
        {
            if (c > 0x7F && (char.IsSurrogate(c) || char.ToUpperInvariant(c) <= 0x7F || char.ToLowerInvariant(c) <= 0x7F))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A hash of the length and the first, second and last chars, folded to lower case; false for an empty word or when
    /// one of those chars is not ASCII (ignoring case, "ſ" equals "s"), which then always passes.
    /// </summary>
    private static bool TryKey(ReadOnlySpan<char> word, out int key)
    {
        key = 0;
        if (word.IsEmpty)
        {
            return false;
        }

        uint first = word[0], second = word.Length > 1 ? word[1] : 0u, last = word[^1];
        if ((first | second | last) > 0x7F)
        {
            return false;
        }

        // Upper-case ASCII letters to lower case; other chars keep their value.
        static uint Fold(uint c) => c - 'A' <= 'Z' - 'A' ? c | 0x20 : c;
        uint h = ((uint)word.Length * 0x9E3779B1u) ^ (Fold(first) * 0x85EBCA6Bu) ^ (Fold(second) * 0xC2B2AE35u) ^ (Fold(last) * 0x27D4EB2Fu);
        key = (int)(h >> (32 - KeyBits));
        return true;
    }
}
